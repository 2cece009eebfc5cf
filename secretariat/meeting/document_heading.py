"""The head of a meeting's printed document (agenda or minutes): the body's
name as a heading, then the date, and the title, venue and times given."""


class MeetingHeading:
    """For a record with ``body_name``, ``date``, ``meeting_title``, ``venue``
    and ``times``."""

    body_name: str
    date: str
    meeting_title: str
    venue: str
    times: str

    @property
    def heading(self) -> str:
        return f"{self.body_name.upper()} MEETING"

    @property
    def title_lines(self) -> list[str]:
        """The lines under the heading: the date, and the title, venue and times given."""
        return [line for line in (self.date, self.meeting_title, self.venue, self.times) if line]
