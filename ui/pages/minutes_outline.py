"""The Minutes tab's outline of a meeting: its agenda items, numbered, with
their status in words and colour, and under each the points, decisions and
actions recorded. Each line holds the record it shows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from secretariat.meeting import minutes_content
from secretariat.taskforce import Taskforce

from .. import item_status
from ..edits.actions import action_line

RECORD = Qt.ItemDataRole.UserRole  # (table, id) of the record on the line
STATUS = Qt.ItemDataRole.UserRole + 1  # an agenda item's status


class MinutesOutline(QTreeWidget):
    def __init__(self):
        super().__init__()
        self.setHeaderHidden(True)
        self.setAccessibleName("Items and what was recorded under them")

    def fill(self, tf: Taskforce, meeting_id: str) -> None:
        """The meeting's items and their minutes, the line chosen before chosen again."""
        selected = self.selected()
        self.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for row, number, _level in minutes_content.number_items(
                tf.agenda.rows_of_meeting(meeting_id)):
            words = item_status.label(row["status"])
            node = QTreeWidgetItem([f"{number} {row['title']}" + (f" — {words}" if words else "")])
            node.setData(0, RECORD, ("agenda_items", row["id"]))
            node.setData(0, STATUS, row["status"])
            brush = item_status.brush(row["status"])
            if brush is not None:
                node.setForeground(0, brush)
            parent = parents.get(row["parent_id"])
            (parent.addChild(node) if parent else self.addTopLevelItem(node))
            parents[row["id"]] = node
            points: dict[str, QTreeWidgetItem] = {}
            for entry in tf.minutes.of_item(row["id"]):
                label = f"Decision: {entry.text}" if entry.kind == "decision" else f"• {entry.text}"
                child = QTreeWidgetItem([label])
                child.setData(0, RECORD, ("minutes_entries", entry.id))
                (points[entry.parent_id] if entry.parent_id else node).addChild(child)
                points[entry.id] = child
            for action in tf.actions.of_item(row["id"]):
                child = QTreeWidgetItem([f"Action: {action_line(action)}"])
                child.setData(0, RECORD, ("actions", action.id))
                node.addChild(child)
        self.expandAll()
        self.choose(selected)

    def choose(self, wanted: tuple[str, str] | None) -> None:
        """The line of the record ``wanted`` (table, id); with none, the first."""
        if not wanted:
            if self.topLevelItemCount():
                self.setCurrentItem(self.topLevelItem(0))
            return
        iterator = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while iterator:
            node = iterator.pop(0)
            if node.data(0, RECORD) == wanted:
                self.setCurrentItem(node)
                return
            iterator += [node.child(i) for i in range(node.childCount())]

    def selected(self) -> tuple[str, str] | None:
        """The record (table, id) on the chosen line."""
        node = self.currentItem()
        return node.data(0, RECORD) if node else None

    def _item_node(self) -> QTreeWidgetItem | None:
        """The agenda item's line the selection is in."""
        node = self.currentItem()
        while node is not None and node.data(0, RECORD)[0] != "agenda_items":
            node = node.parent()
        return node

    def item_id(self) -> str | None:
        """The agenda item the selection is in."""
        node = self._item_node()
        return node.data(0, RECORD)[1] if node else None

    def item_status(self) -> str | None:
        """The status of the agenda item the selection is in."""
        node = self._item_node()
        return node.data(0, STATUS) if node else None
