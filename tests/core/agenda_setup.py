"""The sample's agenda with an item deferred in May 2011 placed on January 2012's,
for the tests of what printed agendas say of it."""


def carried_forward(tf, **values) -> tuple[str, str]:
    """(January's meeting, the placed item), given ``values`` (restricted, purpose…)."""
    may = tf.meetings.find_one("2011-05-26").id
    january = tf.meetings.find_one("2012-01-12").id
    tf.minutes.lifecycle.reopen(may, "An item was deferred")  # approved: final
    deferred, _ = tf.agenda.add(may, "Presentation on legal models")
    tf.agenda.set_status(deferred, "deferred")
    placed, _ = tf.agenda.place_deferred(deferred, january)
    tf.agenda.update(placed, **values)
    return january, placed
