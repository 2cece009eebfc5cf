"""A body's reports and what became of their recommendations: the report and
its chapters (``reports``), each recommendation with its addressees,
deadline, the Government's response, owner, RAG status, dated updates and
the actions, papers and meetings that touch it (``recommendations``, with
``recommendation_records``), and the printed tracker (``tracker``)."""
