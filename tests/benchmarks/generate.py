"""Write a large taskforce file: years of meetings for many bodies.

    python tests/benchmarks/generate.py OUT.taskforce [--scale 10]

At scale 1: 10 bodies, 3,000 meetings, 45,000 agenda items, 150,000 minutes
entries (a sixth of them decisions), 90,000 actions with 162,000 updates,
1,500 people, 2,000 papers with 4,000 reviews, 6,000 interests. The file is
made by ``Taskforce.open(create=True)``, so the schema (and the search
triggers) are the application's own; rows go in with ``executemany`` in one
transaction, through ``search.bulk_load`` (the search index is built once, at
the end, and its triggers are back in place afterwards). The text is made up
from a fixed vocabulary with a fixed seed, so two runs write the same words.
``--scale 10`` makes ten times as many bodies, each as large.

One meeting of the first body carries 200 agenda items (``BIG_MEETING_DATE``),
for timing the minutes of a long meeting.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from secretariat import search  # noqa: E402
from secretariat.taskforce import Taskforce  # noqa: E402

BIG_MEETING_DATE = "1999-12-16"
BIG_MEETING_ITEMS = 200

_SUBJECTS = ("pension", "procurement", "spin-out", "mutual", "co-operative", "staff",
             "commissioning", "contract", "budget", "health", "social care", "youth",
             "library", "leisure", "school", "employee ownership", "social value",
             "investment", "tender", "governance", "risk", "evaluation", "pilot",
             "transition", "TUPE", "state aid", "charity", "trust", "board", "funding")
_VERBS = ("reviewed", "discussed", "agreed", "noted", "questioned", "welcomed",
          "challenged", "endorsed", "considered", "asked about")
_QUALITIES = ("draft", "revised", "final", "interim", "independent", "regional", "national",
              "quarterly", "annual", "outline")
_THINGS = ("report", "paper", "proposal", "business case", "framework", "guidance",
           "timetable", "survey", "briefing", "plan", "letter", "toolkit")
_FIRST = ("Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Owen", "Chloe", "Raj", "Niamh",
          "Ben", "Grace", "Kwame", "Zoë", "Hamish", "Ffion", "Marta", "Liam", "Mei", "Dev")
_LAST = ("Smith", "Jones", "Patel", "Okafor", "Hughes", "Evans", "Kowalski", "Nguyen",
         "MacLeod", "O'Brien", "Davies", "Clarke", "Ahmed", "Fraser", "Müller", "Byrne",
         "Singh", "Walsh", "Price", "Lewis", "Griffiths", "Murphy", "Hussain", "Reid",
         "Campbell")


class _Writer:
    def __init__(self, conn, seed: int):
        self.conn = conn
        self.rand = random.Random(seed)
        self.counts: dict[str, int] = {}

    def put(self, table: str, columns: str, rows: list[tuple]) -> None:
        """Rows of ``columns`` (space-separated names) then created_at, updated_at."""
        if not rows:
            return
        names = columns.split() + ["created_at", "updated_at"]
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            rows)
        self.counts[table] = self.counts.get(table, 0) + len(rows)

    def sentence(self) -> str:
        r = self.rand
        return (f"Members {r.choice(_VERBS)} the {r.choice(_QUALITIES)} {r.choice(_SUBJECTS)} "
                f"{r.choice(_THINGS)} and the {r.choice(_SUBJECTS)} {r.choice(_THINGS)}.")

    def title(self) -> str:
        r = self.rand
        return f"{r.choice(_QUALITIES).title()} {r.choice(_SUBJECTS)} {r.choice(_THINGS)}"


def _id() -> str:
    return os.urandom(16).hex()


def _stamp(day: str) -> str:
    return f"{day}T12:00:00.000+00:00"


def generate(path, scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    """Write the large file at ``path`` (which must not exist); returns row counts."""
    n_bodies = max(1, round(10 * scale))
    with Taskforce.open(path, create=True) as tf:
        conn = tf.store.db.conn
        w = _Writer(conn, seed)
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the load is one transaction
        with search.bulk_load(tf.store):
            people = _bodies_and_people(w, n_bodies)
            for body_no, (body_id, members) in enumerate(people.items()):
                _meetings(w, body_id, members, big=body_no == 0)
                _papers(w, body_id, members)
    return w.counts


def _bodies_and_people(w: _Writer, n_bodies: int) -> dict[str, list[str]]:
    """150 people to a body, 4 interests each; returns people ids by body."""
    r, made = w.rand, {}
    start = _stamp("2000-01-01")
    for b in range(n_bodies):
        body_id = _id()
        w.put("bodies", "id name short_name parent_department default_venue default_marking",
              [(body_id, f"Advisory Body {b + 1}", f"AB{b + 1}", "Cabinet Office",
                          "22 Whitehall", "OFFICIAL", start, start)])
        people, memberships, interests = [], [], []
        for p in range(150):
            person = _id()
            name = f"{r.choice(_FIRST)} {r.choice(_LAST)}"
            people.append((person, name, "", f"{r.choice(_SUBJECTS).title()} Trust",
                           f"p{b}.{p}@example.org", "", start, start))
            role = "chair" if p == 0 else "official" if p < 10 else "member"
            memberships.append((_id(), body_id, person, role, "2000-01-01", start, start))
            for _ in range(4):
                interests.append((_id(), person, f"{r.choice(_QUALITIES).title()} adviser to "
                                  f"a {r.choice(_SUBJECTS)} {r.choice(_THINGS)} group",
                                  f"{r.choice(_LAST)} {r.choice(_SUBJECTS).title()} Ltd",
                                  r.choice(("employment", "directorship", "membership")),
                                  "2001-01-01", start, start))
        w.put("people", "id name role_title organisation email notes", people)
        w.put("memberships", "id body_id person_id role joined_on", memberships)
        w.put("interests", "id person_id description organisation kind declared_on", interests)
        made[body_id] = [p[0] for p in people]
    return made


def _meetings(w: _Writer, body_id: str, members: list[str], big: bool) -> None:
    """300 monthly meetings from 2000, 15 items, 50 minutes entries, 30 actions each."""
    r = w.rand
    day = dt.date(2000, 1, 13)
    for m in range(300):
        date = day.isoformat()
        n_items = 15
        if big and m == 0:
            date, n_items = BIG_MEETING_DATE, BIG_MEETING_ITEMS
        stamp, meeting = _stamp(date), _id()
        w.put("meetings", "id body_id date start_time end_time venue status chair_person_id "
                          "agenda_status",
              [(meeting, body_id, date, "15:30", "17:30", "22 Whitehall", "approved",
                members[0], "agreed", stamp, stamp)])
        items, entries, actions, owners, updates = [], [], [], [], []
        for i in range(n_items):
            item = _id()
            items.append((item, meeting, i + 1, w.title(), "discussion", members[i % 10], 10,
                          "taken", stamp, stamp))
            for e in range(3 if i % 3 else 4):
                kind = "decision" if r.random() < 1 / 6 else "point"
                entries.append((_id(), item, e + 1, kind, w.sentence(), stamp, stamp))
            for a in range(2):
                action = _id()
                done = r.random() < 0.8
                actions.append((action, meeting, item, a + 1,
                                f"{r.choice(('Circulate', 'Revise', 'Draft', 'Cost'))} the "
                                f"{w.title().lower()}", (day + dt.timedelta(days=28)).isoformat(),
                                "done" if done else "open", stamp, stamp))
                owners.append((_id(), action, 1, r.choice(members), stamp, stamp))
                updates.append((_id(), action, date, "Work has started.", "note", stamp, stamp))
                if done:
                    updates.append((_id(), action, date, "Finished and circulated.", "done",
                                    stamp, stamp))
        w.put("agenda_items", "id meeting_id position title purpose lead_person_id "
                              "minutes_allocated status", items)
        w.put("minutes_entries", "id item_id position kind text", entries)
        w.put("actions", "id meeting_id item_id position text due_date status", actions)
        w.put("action_owners", "id action_id position person_id", owners)
        w.put("action_updates", "id action_id made_on text outcome", updates)
        day += dt.timedelta(days=28 + r.randrange(3))


def _papers(w: _Writer, body_id: str, members: list[str]) -> None:
    """200 papers a body, each with two reviewers."""
    r, papers, reviews = w.rand, [], []
    for p in range(200):
        paper, stamp = _id(), _stamp(f"{2000 + p // 10}-06-01")
        papers.append((paper, body_id, w.title(), f"P{p}", r.choice(members),
                       f"wave {p // 50 + 1}", "published", w.sentence(), stamp, stamp))
        for role, reviewer in zip(("technical", "lay"), r.sample(members, 2), strict=True):
            reviews.append((_id(), paper, reviewer, role, "done", "2000-06-01", stamp, stamp))
    w.put("papers", "id body_id title short_name owner_person_id wave status notes", papers)
    w.put("reviews", "id paper_id person_id role status nominated_on", reviews)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    if args.path.exists():
        parser.error(f"{args.path} already exists")
    started = time.perf_counter()
    counts = generate(args.path, args.scale)
    for table, count in sorted(counts.items()):
        print(f"{table:>16} {count:>9,}")
    print(f"written in {time.perf_counter() - started:.1f} s, "
          f"{args.path.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
