"""The floor for the Word minutes: python-docx alone writing the same text.

    python tests/benchmarks/bare_docx.py BLOCKS_JSON OUT.docx

BLOCKS_JSON is a list of paragraphs (a string each) and tables (a list of
rows, each a list of cell texts), in document order; each is written with
python-docx's stock template and styles. Nothing of the application is
imported.
"""

import json
import sys

from docx import Document


def write(blocks: list, out) -> None:
    document = Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for row, values in zip(table.rows, block, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        write(json.load(handle), sys.argv[2])
