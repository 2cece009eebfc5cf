"""The printed action log: actions grouped by owner, each with where it was
agreed, when it is due and its dated history. Overdue ones say so."""

import datetime as dt

from ..frozen import record
from ..meeting.action_records import Action
from ..meeting.minutes_content import SENSITIVE
from ..progress import Progress, ignore, part
from ..values import abbreviated_date, long_date
from . import fonts
from .flowables import Cell, grid, heading, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph


@record
class ActionLogDocument:
    body_name: str
    scope: str  # which actions: "Open actions", "Actions owned by …"
    today: dt.date
    actions: tuple[Action, ...]
    marking: str = "OFFICIAL"
    owner: str = ""  # when filtered by owner, only the matching owners' groups

    def by_owner(self) -> list[tuple[str, list[Action]]]:
        """Each owner with their actions; an action with two owners shows under both."""
        groups: dict[str, list[Action]] = {}
        for action in self.actions:
            for owner in action.owners:
                if self.owner.strip().lower() not in owner.label.lower():
                    continue
                groups.setdefault(owner.label, []).append(action)
        return sorted(groups.items(), key=lambda kv: kv[0].lower())

    @property
    def all_text(self) -> list[str]:
        texts = [self.body_name, self.scope]
        for a in self.actions:
            texts += [a.text, a.owner_label, a.due_text, a.item_title]
            texts += [u.text for u in a.updates]
        return texts


def warnings(doc: ActionLogDocument) -> list[str]:
    return fonts.missing_glyphs(*doc.all_text)


def _history(action: Action) -> str:
    lines = []
    for u in action.updates:
        where = f" (meeting of {long_date(u.meeting_date)})" if u.meeting_date else ""
        label = u.outcome_label if u.outcome != "note" else ""
        words = ": ".join(t for t in (label, u.text) if t)
        lines.append(f"{abbreviated_date(u.made_on)}{where}: {words}")
    return "\n".join(lines) or "No updates yet."


def render(doc: ActionLogDocument, progress: Progress = ignore) -> bytes:
    """The PDF; ``progress`` hears of each owner's table made, then of the layout."""
    styles = stylesheet()
    story = (title(f"{doc.body_name.upper()} ACTION LOG", styles["Title"])
             + title(f"{doc.scope}, as at {long_date(doc.today)}", styles["Centre"]))
    groups = doc.by_owner()
    if not groups:
        story.append(Paragraph("There are no actions to show.", styles["Body"]))
    making = part(progress, 0, 0.15)  # the tables' paragraphs are a good part of the work
    for number, (owner, actions) in enumerate(groups):
        making(number, len(groups))
        open_count = sum(1 for a in actions if a.status == "open")
        story += heading(f"{owner} ({open_count} open)", styles["Heading"])
        rows = []
        for a in actions:
            mark = ""
            if a.overdue(doc.today):
                mark = '<br/><font color="#b00000"><b>OVERDUE</b></font>'
            elif a.status != "open":
                mark = f"<br/>{a.status_label}"
            agreed = long_date(a.meeting_date) + (f"\n{a.item_title}" if a.item_title else "")
            rows.append([agreed, a.text, Cell(a.when() or "No date set", after=mark),
                         _history(a)])
        story += grid(["Agreed", "Action", "When", "History"], rows,
                      [0.2, 0.34, 0.16, 0.3], styles)
    marking = SENSITIVE if any(a.restricted for a in doc.actions) else doc.marking
    return build_pdf(story, PageSettings(title=f"{doc.body_name} action log", marking=marking),
                     part(progress, 0.15, 1))
