"""Print one document of a file and report its cost (run as a child process).

    python tests/benchmarks/printed.py actions FILE
    python tests/benchmarks/printed.py minutes FILE DATE

Prints ``<milliseconds> <pages> <peak resident KB>``: the time from the
file's records read to the PDF's bytes made (gathering and laying out, as
the ``actions`` and ``minutes`` commands do), the pages made, and the
process's peak memory, in a process of its own so one document's peak is
not another's.
"""

import datetime as dt
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from window import peak_kb  # noqa: E402


def main(kind: str, path: str, day: str = "") -> None:
    from secretariat.taskforce import Taskforce

    with Taskforce.open(path, reading=True) as tf:
        started = time.perf_counter()
        if kind == "actions":
            from secretariat.documents import actions_pdf

            data = actions_pdf.render(actions_pdf.ActionLogDocument(
                body_name=tf.bodies.all()[0].name, scope="All actions",
                today=dt.date(2026, 12, 3), actions=tuple(tf.actions.log(sort="due"))))
        else:
            from secretariat.documents import minutes_pdf
            from secretariat.meeting import minutes_content

            meeting = tf.meetings.find_one(day, tf.bodies.all()[0].id)
            data = minutes_pdf.render(minutes_content.build(tf, meeting.id))
        elapsed = (time.perf_counter() - started) * 1000
    pages = len(re.findall(rb"/Type /Page\b", data))
    print(f"{elapsed:.1f} {pages} {peak_kb()}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
