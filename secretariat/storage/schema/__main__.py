"""python -m secretariat.storage.schema: write ``current.json``, the schema the
migrations make, after adding or changing a migration (a line a step or object)."""

import json

from . import SNAPSHOT, build_snapshot


def _lines(rows: list) -> str:
    return ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)


made = build_snapshot()
SNAPSHOT.write_text('{"migrations": [\n' + _lines(made["migrations"]) + '],\n"objects": [\n'
                    + _lines(made["objects"]) + "]}\n", encoding="utf-8")
print(f"Wrote {SNAPSHOT.name}")
