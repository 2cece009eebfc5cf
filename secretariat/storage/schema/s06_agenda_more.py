"""More for agendas: a deferred item can be taken off the list of items offered
to later meetings without rewriting what happened at its own meeting."""

from ..migrations import Migrations

migrations = Migrations("secretariat.agenda_more")


@migrations()
def m001_offer_dropped(db):
    db.executescript(
        """
        ALTER TABLE agenda_items ADD COLUMN offer_dropped_on TEXT;
        """
    )
