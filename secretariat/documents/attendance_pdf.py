"""Attendance over a period, printed: each member's meetings they could attend,
attended, sent apologies for or missed, their rate, and a bar chart of the rates."""

import datetime as dt

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..frozen import record
from ..meeting.register_records import MemberRecord
from ..values import day_month_year, parse_optional_date
from . import fonts
from .flowables import cut, grid, title
from .layout import WIDTH, PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import clean, for_the_eye

BAR = colors.HexColor("#4a6fa5")
ROW = 6 * mm  # height given to each member in the chart
PER_CHART = 30  # members in one chart: a drawing cannot split, and this many fit a page
LABEL = 40  # characters of a name the chart shows; the table above has it whole
LABEL_SIZE = 8
LABEL_ROOM = 45 * mm - 8  # left of the bars, less the gap before them


@record
class AttendanceDocument:
    body_name: str
    start: dt.date | None
    end: dt.date | None
    meetings: int  # meetings in the period whose register was taken
    records: tuple[MemberRecord, ...]
    marking: str = "OFFICIAL"

    @property
    def period(self) -> str:
        if self.start and self.end:
            return f"{day_month_year(self.start)} to {day_month_year(self.end)}"
        if self.start:
            return f"From {day_month_year(self.start)}"
        if self.end:
            return f"Up to {day_month_year(self.end)}"
        return "All meetings"


def build(tf, body_id: str, start=None, end=None) -> AttendanceDocument:
    """Attendance at the body's meetings between two dates (either may be open)."""
    body = tf.bodies.get(body_id)
    return AttendanceDocument(
        body_name=body.name, start=parse_optional_date(start, "start date"),
        end=parse_optional_date(end, "end date"),
        meetings=len(tf.attendance.meetings_with_register(body_id, start, end)),
        records=tuple(tf.attendance.over_period(body_id, start, end)),
        marking=body.default_marking)


def warnings(doc: AttendanceDocument) -> list[str]:
    return fonts.missing_glyphs(doc.body_name, *(r.person.display_name for r in doc.records))


def charts(records) -> list[Drawing]:
    """A horizontal bar per member, the share of meetings they attended: a chart
    for each page's worth of members, however many there are."""
    shown = [r for r in records if r.rate is not None]
    return [chart(shown[start:start + PER_CHART]) for start in range(0, len(shown), PER_CHART)]


def chart(shown) -> Drawing:
    """One chart of members whose rate is known."""
    height = ROW * len(shown) + 12 * mm
    drawing = Drawing(WIDTH, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = 45 * mm, 8 * mm
    bars.width, bars.height = WIDTH - 55 * mm, ROW * len(shown)
    bars.data = [[round(r.rate * 100) for r in reversed(shown)]]
    bars.categoryAxis.categoryNames = [_label(r.person.display_name) for r in reversed(shown)]
    bars.categoryAxis.labels.fontName = fonts.REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, 100, 25
    bars.valueAxis.labels.fontName = fonts.REGULAR
    bars.valueAxis.labels.fontSize = 8
    bars.valueAxis.labelTextFormat = "%d%%"
    bars.bars[0].fillColor = BAR
    bars.bars[0].strokeColor = None
    drawing.add(bars)
    return drawing


def _label(name: str) -> str:
    """The name as the chart's margin holds it: shortened, with "…", to fit."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    shown, rest = cut(clean(name), LABEL)
    more = "…" if rest else ""
    while shown and stringWidth(for_the_eye(shown) + more, fonts.REGULAR,
                                LABEL_SIZE) > LABEL_ROOM:
        shown, more = shown[:-1].rstrip(), "…"
    return for_the_eye(shown) + more


def render(doc: AttendanceDocument) -> bytes:
    fonts.loaded()
    styles = stylesheet()
    story = title(doc.body_name, styles["Title"]) + [
        Paragraph("ATTENDANCE", styles["Title"]),
        Paragraph(f"{doc.period}: {doc.meetings} meeting(s) with a register",
                  styles["Centre"]), Spacer(1, 4 * mm)]
    if not doc.records:
        story.append(Paragraph("No register was taken at any meeting in this period.",
                               styles["Body"]))
    else:
        story += grid(
            ["Member", "Could attend", "Attended", "Apologies", "Absent", "Rate"],
            [[r.person.display_name, str(r.could_attend), str(r.attended), str(r.apologies),
              str(r.absent), r.rate_text] for r in doc.records],
            [0.33, 0.14, 0.13, 0.15, 0.12, 0.13], styles)
        story += [Spacer(1, 6 * mm), Paragraph("Share of meetings attended", styles["Heading"]),
                  *charts(doc.records)]
    return build_pdf(story, PageSettings(title=f"Attendance: {doc.body_name}",
                                         marking=doc.marking))
