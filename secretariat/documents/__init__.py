"""Printed documents (ReportLab). Import only when printing: ReportLab is slow
to load and nothing at start-up needs it.

Renderers take plain data and return PDF bytes (``render``) and the
characters the font cannot print (``warnings``). Every user string reaches a
Paragraph through ``text.esc``, as paragraphs, headings and table cells from
``flowables`` (which keep a 100,000-character paste fast to lay out); every
document is laid out by ``layout.build_pdf`` with the shared page template.
"""
