"""Parsing and formatting of the plain values officials type: dates and times.

Every way a date or time is written for a reader is here, once:
``long_date`` (Thursday 26 May 2011, heading minutes and agendas),
``day_month_year`` (26 May 2011, in tables, letters and search results),
``abbreviated_date`` (1 Feb 2011, where a column is narrow),
``weekday_date`` (Thu 26 May 2011, in lists of meetings), ``month_year``
(May 2011), ``day_and_time`` (26 May 2011 at 15:30), ``clock_time``
(15.30) and ``time_range`` (15.30 – 17.30); ``day_or_month`` writes what
may be either (a deadline: 31 December 2012, or December 2012). The file
itself holds ISO dates (``date_to_text``) and months (2012-12).
"""

import datetime as dt
import re

from .errors import ValidationError, quoted
from .frozen import record

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y")
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def parse_date(text, what: str = "date") -> dt.date:
    """A date as typed: 2011-05-26, 26/05/2011 or 26 May 2011 (26th May too)."""
    if isinstance(text, dt.date):
        return text
    if _ISO_DATE.fullmatch(str(text)):  # as stored: far quicker than strptime
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # e.g. 2011-02-30: said in words below
    cleaned = _ORDINAL.sub(r"\1", str(text).replace(",", " ")).strip()
    cleaned = " ".join(cleaned.split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"The {what} {quoted(text)} is not a date; write it as 2011-05-26 or 26 May 2011.")


@record
class Month:
    """A whole month, for what is due or done within one ("by December 2012"):
    kept as the month, not as one of its days."""

    year: int
    month: int

    @classmethod
    def fromisoformat(cls, text: str) -> "Month":
        """As stored: 2012-12."""
        day = dt.date.fromisoformat(f"{text}-01")
        return cls(day.year, day.month)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


_MONTH_FORMATS = ("%B %Y", "%b %Y", "%Y-%m", "%m/%Y")


def parse_day_or_month(text, what: str = "date") -> dt.date | Month | None:
    """A day (26 May 2011) or a whole month (December 2012, Dec 2012, 2012-12,
    12/2012) as typed; empty means none."""
    if text is None or isinstance(text, (dt.date, Month)):
        return text
    cleaned = " ".join(str(text).replace(",", " ").split())
    if not cleaned:
        return None
    for fmt in _MONTH_FORMATS:
        try:
            day = dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
        return Month(day.year, day.month)
    try:
        return parse_date(cleaned, what)
    except ValidationError:
        raise ValidationError(f"The {what} {quoted(text)} is neither a day nor a month; write "
                              "it as 26 May 2011 or December 2012.") from None


def last_day(value: dt.date | Month) -> dt.date:
    """The day by which it falls: the day itself, or a month's last."""
    return value.last_day if isinstance(value, Month) else value


def day_or_month(value: dt.date | Month | None) -> str:
    """26 May 2011, or December 2012; empty for none."""
    if value is None:
        return ""
    return month_year(value.first_day) if isinstance(value, Month) else day_month_year(value)


def parse_optional_date(text, what: str = "date") -> dt.date | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return parse_date(text, what)


def past_date(text, what: str = "date") -> dt.date | None:
    """The date of something that has happened (a response, progress, work
    done): not after today, which would otherwise outrank every true one."""
    day = parse_optional_date(text, what)
    today = dt.date.today()
    if day and day > today:
        raise ValidationError(f"The {what} cannot be after today ({long_date(today)}): "
                              "it records what has happened.")
    return day


def parse_time(text, what: str = "time") -> dt.time | None:
    """A time as typed: 15:30, 15.30 or 1530; empty means not set."""
    if text is None or isinstance(text, dt.time):
        return text
    cleaned = str(text).strip().replace(".", ":")
    if not cleaned:
        return None
    if _ISO_TIME.fullmatch(cleaned):  # as stored
        return dt.time(int(cleaned[:2]), int(cleaned[3:]))
    if re.fullmatch(r"\d{3,4}", cleaned):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    try:
        return dt.datetime.strptime(cleaned, "%H:%M").time()
    except ValueError:
        raise ValidationError(f"The {what} {quoted(text)} is not a time; write it as 15:30.") from None


def date_to_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def time_to_text(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def long_date(value: dt.date) -> str:
    """As the minutes print it: Thursday 26 May 2011."""
    return f"{value.strftime('%A')} {day_month_year(value)}"


def day_month_year(value: dt.date) -> str:
    """26 May 2011."""
    return f"{value.day} {month_year(value)}"


def abbreviated_date(value: dt.date) -> str:
    """1 Feb 2011: where a column is narrow."""
    return f"{value.day} {value.strftime('%b %Y')}"


def month_year(value: dt.date) -> str:
    """May 2011."""
    return value.strftime("%B %Y")


def day_and_time(value: dt.datetime) -> str:
    """26 May 2011 at 15:30: when something happened (a backup taken)."""
    return f"{day_month_year(value)} at {value:%H:%M}"


def weekday_date(value: dt.date) -> str:
    """Thu 26 May 2011: a meeting in a list."""
    return f"{value.strftime('%a')} {abbreviated_date(value)}"


def clock_time(value: dt.time) -> str:
    """15.30, as the minutes and agendas print a time."""
    return value.strftime("%H.%M")


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    """As the minutes print it: 15.30 – 17.30."""
    if not start:
        return ""
    return f"{clock_time(start)} – {clock_time(end)}" if end else clock_time(start)
