"""The floor for printing minutes: ReportLab alone laying out the same text.

    python tests/benchmarks/bare_reportlab.py TEXT_FILE OUT.pdf

One paragraph per line of the text file, A4, the stock styles; nothing of
the application is imported.
"""

import sys
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate


def main(text_path: str, out_path: str) -> None:
    style = getSampleStyleSheet()["BodyText"]
    with open(text_path, encoding="utf-8") as handle:
        story = [Paragraph(escape(line), style) for line in handle.read().splitlines() if line]
    SimpleDocTemplate(out_path, pagesize=A4).build(story)


if __name__ == "__main__":
    main(*sys.argv[1:3])
