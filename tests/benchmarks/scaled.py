"""The sample taskforce at 1 ×, 10 × or 100 × its size, built through the core.

    python tests/benchmarks/scaled.py OUT.taskforce --scale 100

At scale k > 1 the sample's body gains about 20 × k members (200 people at
10 ×, 2,000 at 100 ×) and 12 × k meetings after its two (122 and 1,202),
each with the minutes of the last meeting and seven
agenda items whose minutes hold three points and three actions
a piece, and a register of fifteen members: some 5,000 minute points and
actions at 10 ×, 50,000 at 100 ×. Every action stays open, so the minutes of
the last meeting list every earlier one under matters arising. Everything
goes in through the managers an official's gestures use (``tf.people.create``,
``tf.agenda.add``, ``tf.attendance.mark``, ``tf.minutes.capture``), inside one
transaction, so the file is what the application itself would have written.
The words come from a fixed vocabulary with a fixed seed.
"""

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from secretariat.files import sample  # noqa: E402
from secretariat.taskforce import Taskforce  # noqa: E402

FIRST_EXTRA_MEETING = dt.date(2012, 2, 2)
LAST_SAMPLE_MEETING = "2012-01-12"
ITEMS_A_MEETING = 7
REGISTER_SIZE = 15
# The words, which the benchmark's searches look for.
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


def last_meeting(scale: int) -> str:
    """The date of the file's last meeting, whose minutes list every open action."""
    if scale == 1:
        return LAST_SAMPLE_MEETING
    return (FIRST_EXTRA_MEETING + dt.timedelta(days=3 * (12 * scale - 1))).isoformat()


def build(path, scale: int, seed: int = 11) -> dict[str, int]:
    """Write the sample at ``scale`` × its size to ``path`` (which must not exist)."""
    rand = random.Random(seed)
    with Taskforce.open(path, create=True, keep_backups=False) as tf:
        with tf.store.transaction():
            ids = sample.build(tf)
            if scale > 1:
                members = _people(tf, ids.body, rand, 20 * scale - len(ids.people))
                _meetings(tf, ids.body, members, rand, 12 * scale)
        return {table: tf.store.scalar(f"SELECT count(*) FROM {table}")
                for table in ("people", "meetings", "minutes_entries", "actions")}


def _people(tf: Taskforce, body_id: str, rand: random.Random, count: int) -> list[str]:
    return [tf.people.create(body_id, f"{rand.choice(_FIRST)} {rand.choice(_LAST)} {n}",
                             "member", organisation=f"{rand.choice(_SUBJECTS).title()} Trust",
                             joined_on="2011-01-01")[0]
            for n in range(count)]


def _meetings(tf: Taskforce, body_id: str, members: list[str], rand: random.Random,
              count: int) -> None:
    for n in range(count):
        day = FIRST_EXTRA_MEETING + dt.timedelta(days=3 * n)  # (see last_meeting)
        meeting, _ = tf.meetings.create(body_id, day.isoformat(), "10:00", "12:00")
        tf.agenda.add(meeting, "Minutes of the last meeting and matters arising",
                      minutes_allocated=10)
        items = [tf.agenda.add(meeting, _title(rand), minutes_allocated=20)[0]
                 for _ in range(ITEMS_A_MEETING)]
        for person in rand.sample(members, REGISTER_SIZE):
            tf.attendance.mark(meeting, person, rand.choice(("present", "present", "apologies")))
        tf.meetings.update(meeting, status="minutes_draft")
        for item in items:
            tf.minutes.capture(item, _minutes_text(rand, day))


def _title(rand: random.Random) -> str:
    return f"{rand.choice(_QUALITIES).title()} {rand.choice(_SUBJECTS)} {rand.choice(_THINGS)}"


def _minutes_text(rand: random.Random, day: dt.date) -> str:
    due = (day + dt.timedelta(days=rand.randrange(14, 120))).isoformat()
    lines = []
    for _ in range(3):
        lines.append(f"- Members {rand.choice(_VERBS)} the {rand.choice(_QUALITIES)} "
                     f"{rand.choice(_SUBJECTS)} {rand.choice(_THINGS)}.")
        lines.append(f"Action: {rand.choice(('Officials', 'All members'))} — Circulate the "
                     f"{rand.choice(_QUALITIES)} {rand.choice(_SUBJECTS)} "
                     f"{rand.choice(_THINGS)} — {due}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=int, default=100, choices=(1, 10, 100))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = build(args.path, args.scale)
    print(f"built {args.path.name} in {time.perf_counter() - started:.1f} s: "
          + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
