"""The Recommendations page: a report's recommendations grouped by chapter or
by addressee, filtered by response, RAG status, addressee or overdue; the
chosen one's details, its history of updates and what is linked to it; and
the tracker as printed (Save as PDF…, File > Print…)."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QInputDialog, QLabel, QListWidgetItem,
                               QTreeWidget, QTreeWidgetItem, QWidget)

from secretariat.errors import UserFacingError
from secretariat.report.recommendation_records import GROUPINGS, RAGS, RESPONSES, Recommendation
from secretariat.report.tracker import grouped, tracker_document
from secretariat.values import day_month_year, long_date

from .. import palette
from ..dialogs.recommendations import (MeetingLinkDialog, ProgressDialog, RecommendationDialog,
                                       ReportDialog)
from ..edits import recommendations as edits
from ..flow_layout import FlowLayout
from ..exports import Ready, hand_over, save_document
from ..session import Session
from ..tables import WIDEST_COLUMN, ColumnFitter, FullTextTips, text_margins
from ..widgets import (button, button_row, combo_box, enable_while, scrollable,
                       side_by_side, wrapping_list)

COLUMNS = ("No.", "Recommendation", "Addressed to", "Deadline", "Response", "RAG",
           "Latest update")
TEXT, ADDRESSED, RAG_COLUMN, IN_VIEW = 1, 2, 5, 6  # IN_VIEW: the columns kept in view
ADDRESSED_WIDEST = 130  # pixels: a long list of addressees is shortened with "…"
TEXT_LEAST = 16  # characters of the text shown, however narrow the pane
REPORT_SHOWN = 24  # characters of the report's title its chooser shows
ID_ROLE = Qt.ItemDataRole.UserRole
_RAG_BRUSHES = {"red": palette.warning, "amber": palette.notice, "green": palette.on_track}


def _filter_box(name: str, choices: dict, everything: str):
    box = combo_box()
    box.setAccessibleName(name)
    box.addItem(everything, None)
    for key, label in choices.items():
        box.addItem(label, key)
    return box


class RecommendationsPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Recommendations")
        self.report = combo_box()
        self.report.setAccessibleName("Report")
        self.report.setMinimumContentsLength(REPORT_SHOWN)
        self.report.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.by = combo_box()
        self.by.setAccessibleName("Group by")
        for key in GROUPINGS:
            self.by.addItem(f"By {key}", key)
        self.response = _filter_box("Response", RESPONSES, "Any response")
        self.rag = _filter_box("RAG status", RAGS, "Any RAG")
        self.addressee = _filter_box("Addressee", {}, "Any addressee")
        self.overdue = QCheckBox("O&verdue only")
        filters = FlowLayout()  # onto a second line rather than widening the list's pane
        for widget in (self.report, self.by, self.response, self.rag, self.addressee):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _: self.load())
        filters.addWidget(self.overdue)
        self.overdue.toggled.connect(lambda _: self.load())

        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Recommendations")
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(0)  # a chapter's heading and its recommendations align
        self.tree.setItemDelegate(FullTextTips(self.tree))  # the whole text where it is cut
        self.tree.header().setStretchLastSection(False)
        # The number to the RAG status stay in view, the text shortened with "…".
        self.columns = ColumnFitter(self.tree, share_width=False, stretch=TEXT, keep=IN_VIEW)
        self.tree.itemActivated.connect(lambda *_: self.edit_recommendation())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = wrapping_list("Updates on the chosen recommendation")
        self.links = wrapping_list("Linked to the chosen recommendation")

        on_report = [button("Edit Rep&ort…", self.edit_report, "Change the report's title, "
                            "date or chapters"),
                     button("Delete Repor&t", self.delete_report,
                            "Only for a report entered by mistake: its recommendations go too"),
                     button("New Recomme&ndation…", self.new_recommendation,
                            "Add a recommendation to the report")]
        on_chosen = [button("Ed&it…", self.edit_recommendation,
                            "Change the chosen recommendation, its response or owner"),
                     button("De&lete", self.delete_recommendation,
                            "Only for a recommendation entered by mistake")]
        progress = [button("Add &Update…", self.add_update,
                           "Record progress on the chosen recommendation"),
                    button("Link &Action…", self.link_action, "An action that touches it"),
                    button("Link &Paper…", self.link_paper, "A paper that touches it"),
                    button("Link &Meeting…", self.link_meeting,
                           "A meeting, or one of its items, that touches it")]
        on_link = [button("&Show", self.go_to_link, "Show what the chosen link names, in its "
                          "page"),
                   button("Unlin&k", self.unlink, "Take the chosen link away")]
        side_by_side(self, [
            filters, (self.tree, 1),
            button_row([("New &Report…", self.new_report, "Add a report of the body"),
                        *on_report, *on_chosen,
                        ("Save as P&DF…", self.save_pdf, "The tracker as shown, to PDF")])],
            # The chosen one's text scrolls: a long one keeps the lists below in view.
            [(scrollable(self.details, "The chosen recommendation"), 1), QLabel("Updates"),
             (self.history, 1), button_row(progress[:1]),
             QLabel("Linked"), (self.links, 1), button_row([*progress[1:], *on_link])])
        self._check_report = enable_while(lambda: self.report.currentData() is not None,
                                          on_report, self.report.currentIndexChanged)
        self._check_chosen = enable_while(lambda: self.chosen() is not None,
                                          on_chosen + progress, self.tree.itemSelectionChanged)
        enable_while(lambda: self.links.currentItem() is not None, on_link,
                     self.links.currentItemChanged)
        self.links.itemActivated.connect(lambda _: self.go_to_link())
        self.tree.itemSelectionChanged.connect(self._show_chosen)
        session.changed.connect(self._on_changed)
        self._fill_choices()
        self.load()

    # -- showing ----------------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.concerns("recommendation", "body", "person"):
            self._fill_choices()
        if changes.concerns("recommendation", "person", "body", "action", "paper", "meeting",
                            "agenda"):
            self.load()

    def _fill_choices(self) -> None:
        """The body's reports and addressees, keeping what was chosen."""
        tf, body_id = self.session.tf, self.session.body_id
        for box, entries in (
                (self.report, [(r.title, r.id) for r in tf.reports.of_body(body_id)]
                 if body_id else []),
                (self.addressee, [("Any addressee", None)] + [
                    (a, a) for a in tf.recommendations.addressees_of_body(body_id)]
                 if body_id else [])):
            chosen = box.currentData()
            blocked = box.blockSignals(True)
            box.clear()
            for text, data in entries:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(blocked)
        self._check_report()

    def shown_report(self):
        report_id = self.report.currentData()
        return self.session.tf.reports.get(report_id) if report_id else None

    def shown(self) -> list[Recommendation]:
        """The shown report's recommendations, as the filters leave them."""
        report_id = self.report.currentData()
        if not report_id:
            return []
        return self.session.tf.recommendations.of_body(
            self.session.body_id, report_id, addressee=self.addressee.currentData() or "",
            response=self.response.currentData(), rag=self.rag.currentData(),
            overdue=self.overdue.isChecked())

    def load(self) -> None:
        chosen = self.chosen()
        today = dt.date.today()
        self.tree.clear()
        addressee = self.addressee.currentData() or ""
        for heading, found in grouped(self.shown(), self.by.currentData(), addressee):
            group = QTreeWidgetItem(self.tree, [heading])
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for made in found:
                self._row(group, made, today)
            group.setExpanded(True)
        self._fit_columns()
        self.select(chosen.id if chosen else None)
        self._show_chosen()
        self._check_chosen()

    def _fit_columns(self) -> None:
        """Each column as wide as its text (no wider than a long title's), the
        numbers as wide as the widest; the text as narrow as it must be."""
        tree, header = self.tree, self.tree.header()
        least = [header.sectionSizeHint(c) for c in range(header.count())]
        natural = [min(max(tree.sizeHintForColumn(c), low), WIDEST_COLUMN)
                   for c, low in enumerate(least)]
        numbers = [group.child(row).text(0) for n in range(tree.topLevelItemCount())
                   for group in [tree.topLevelItem(n)] for row in range(group.childCount())]
        natural[0] = max([least[0]] + [tree.fontMetrics().horizontalAdvance(number)
                                       + text_margins(tree) for number in numbers])
        least[TEXT] = min(natural[TEXT], TEXT_LEAST * tree.fontMetrics().averageCharWidth())
        natural[ADDRESSED] = max(least[ADDRESSED], min(natural[ADDRESSED], ADDRESSED_WIDEST))
        self.columns.fit_to(natural, least)

    def _row(self, group: QTreeWidgetItem, made: Recommendation, today: dt.date) -> None:
        latest = made.latest
        overdue = made.overdue(today)
        item = QTreeWidgetItem(group, [
            made.number, made.text, made.addressee_label,
            made.deadline_label + (" (overdue)" if overdue else ""), made.response_label,
            made.rag_label, latest.line() if latest else ""])
        item.setData(0, ID_ROLE, made.id)
        if overdue:
            item.setForeground(3, palette.warning())
        if made.rag:
            item.setForeground(RAG_COLUMN, _RAG_BRUSHES[made.rag]())

    def chosen(self) -> Recommendation | None:
        items = self.tree.selectedItems()
        made_id = items[0].data(0, ID_ROLE) if items else None
        if not made_id:
            return None
        try:
            return self.session.tf.recommendations.get(made_id)
        except UserFacingError:  # gone since (undone)
            return None

    def select(self, made_id: str | None) -> bool:
        for number in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(number)
            for row in range(group.childCount()):
                if made_id and group.child(row).data(0, ID_ROLE) == made_id:
                    self.tree.setCurrentItem(group.child(row))
                    return True
        return False

    def show_record(self, made_id: str) -> None:
        """Show the recommendation (a search hit): its report, the filters cleared."""
        made = self.session.tf.recommendations.get(made_id)
        for box in (self.response, self.rag, self.addressee):
            box.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.report.setCurrentIndex(max(0, self.report.findData(made.report_id)))
        self.load()
        self.select(made_id)
        self.tree.setFocus()

    def _show_chosen(self) -> None:
        made = self.chosen()
        self.history.clear()
        self.links.clear()
        if made is None:
            self.details.setText(self._nothing_chosen())
            return
        lines = [f"Recommendation {made.number}"
                 + (f" ({made.chapter_title})" if made.chapter_title else ""), made.text,
                 *made.lettered_points, f"Addressed to: {made.addressee_label or 'no one named'}"]
        if made.deadline:
            lines.append(f"Deadline: {made.deadline_label}"
                         + (" — overdue" if made.overdue() else ""))
        lines.append(f"Response: {made.response_label}"
                     + (f", {day_month_year(made.response_on)}" if made.response_on else "")
                     + (f". {made.response_text}" if made.response_text else ""))
        lines.append(f"Owner: {made.owner_label or 'not given'}. RAG status: {made.rag_label}.")
        if made.completed_on:
            lines.append(f"Done on {long_date(made.completed_on)}.")
        self.details.setText("\n".join(lines))
        for update in reversed(made.updates):
            at = f" (at the meeting of {day_month_year(update.meeting_date)})" \
                if update.meeting_date else ""
            self.history.addItem(update.line() + at)
        for link in made.links:
            entry = QListWidgetItem(link.label)
            entry.setData(ID_ROLE, link.id)
            self.links.addItem(entry)

    def _nothing_chosen(self) -> str:
        """Why no recommendation is shown: none chosen, the filters hide them
        all, the report has none, or there is no report."""
        if self.tree.topLevelItemCount():
            return "No recommendation chosen."
        if self.report.currentData() is None:
            return ("No recommendations to show. Press New Report to add a report, then "
                    "New Recommendation.")
        if self.overdue.isChecked() or any(box.currentData() is not None for box in (
                self.response, self.rag, self.addressee)):
            return ("No recommendation of the report matches the filters. Set them back to "
                    "Any response, Any RAG and Any addressee, and untick Overdue only, to "
                    "see them all.")
        return "The report has no recommendations yet. Press New Recommendation to add one."

    # -- reports and recommendations ------------------------------------------------

    def new_report(self) -> None:
        made = ReportDialog(self.session, parent=self).run(
            lambda values: edits.add_report(self.session, self.session.body_id, values))
        if made:
            self.report.setCurrentIndex(max(0, self.report.findData(made)))

    def edit_report(self) -> None:
        report = self.shown_report()
        if report is not None:
            ReportDialog(self.session, report, parent=self).run(
                lambda values: edits.edit_report(self.session, report, values))

    def delete_report(self) -> None:
        report = self.shown_report()
        if report is not None:
            edits.delete_report(self.session, report)

    def new_recommendation(self) -> None:
        report = self.shown_report()
        if report is None:
            return
        made = RecommendationDialog(self.session, report, parent=self).run(
            lambda values: edits.add_recommendation(self.session, report.id, values))
        if made:
            self.select(made)

    def edit_recommendation(self) -> None:
        made = self.chosen()
        if made is not None:
            RecommendationDialog(self.session, self.shown_report(), made, parent=self).run(
                lambda values: edits.edit_recommendation(self.session, made, values))

    def delete_recommendation(self) -> None:
        made = self.chosen()
        if made is not None:
            edits.delete_recommendation(self.session, made)

    # -- progress and links -----------------------------------------------------------

    def add_update(self) -> None:
        made = self.chosen()
        if made is not None:
            ProgressDialog(self.session, made, parent=self).run(
                lambda values: edits.add_update(self.session, made, values))

    def _pick(self, title: str, label: str, choices: list[tuple[str, str]]) -> str | None:
        """The id of one of ``choices`` (label, id), as the official picks it."""
        if not choices:
            self.session.report(UserFacingError(f"The body has no {label} to link."))
            return None
        texts = [text for text, _ in choices]
        picked, ok = QInputDialog.getItem(self, title, f"The {label} that touches it:", texts,
                                          0, False)
        return dict(choices).get(picked) if ok else None

    def link_action(self) -> None:
        made = self.chosen()
        if made is None:
            return
        picked = self._pick("Link an Action", "action", [
            (f"{day_month_year(a.meeting_date)} — {a.owner_label} — {a.text}", a.id)
            for a in self.session.tf.actions.log(self.session.body_id, sort="meeting")])
        if picked:
            edits.link(self.session, made, dict(action_id=picked))

    def link_paper(self) -> None:
        made = self.chosen()
        if made is None:
            return
        picked = self._pick("Link a Paper", "paper", [
            (p.label, p.id) for p in self.session.tf.papers.of_body(self.session.body_id)])
        if picked:
            edits.link(self.session, made, dict(paper_id=picked))

    def link_meeting(self) -> None:
        made = self.chosen()
        if made is not None:
            MeetingLinkDialog(self.session, parent=self).run(
                lambda values: edits.link(self.session, made, values))

    def go_to_link(self) -> None:
        """The linked action, paper or meeting (or its item), in its page."""
        from ..search_box import open_hit

        made, entry = self.chosen(), self.links.currentItem()
        link = next((k for k in made.links if k.id == entry.data(ID_ROLE)), None) \
            if made and entry else None
        if link is None:
            return
        if link.agenda_item_id:
            open_hit(self.window(), "agenda_item", link.agenda_item_id, link.meeting_id)
        else:
            open_hit(self.window(), link.kind, link.target_id, link.meeting_id)

    def unlink(self) -> None:
        made, entry = self.chosen(), self.links.currentItem()
        if made is not None and entry is not None:
            edits.unlink(self.session, made, entry.data(ID_ROLE))

    # -- the tracker ------------------------------------------------------------------

    def make_document(self, ready: Ready):
        from secretariat.documents import recommendations_pdf

        doc = tracker_document(self.session.tf, self.session.body_id, self.by.currentData(),
                               self.addressee.currentData() or "", self.report.currentData(),
                               response=self.response.currentData(),
                               rag=self.rag.currentData(), overdue=self.overdue.isChecked())
        return hand_over(self, ready, recommendations_pdf, doc, "the recommendations tracker",
                         "recommendations tracker.pdf")

    def save_pdf(self) -> str | None:
        return self.make_document(lambda doc: save_document(self, self.session, doc))
