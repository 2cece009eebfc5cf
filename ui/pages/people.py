"""The people the body shown has known, with their role and dates."""


from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMessageBox, QVBoxLayout, QWidget

from secretariat.membership.people import NamesakeError

from ..dialogs.person import PersonDialog
from ..edits import people
from ..models.people import PeopleModel
from ..session import Session
from ..tables import empty_hint, select_id, show_id, show_list, table_view
from ..widgets import ask_date, button, enable_while


class PeoplePage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.model = PeopleModel(self)
        self.view = table_view(self.model, "People")
        empty_hint(self.view, "No one yet. Press Add Person… to add the members of the body.")
        self.view.activated.connect(self.edit_person)
        on_person = [
            button("&Edit…", self.edit_person),
            button("&Merge Into…", self.merge_into,
                   "The chosen person is recorded twice: make their records the other record's"),
            button("&Delete Person", self.delete_person,
                   "Only for someone entered by mistake who appears in no record")]
        left = button("Mark as &Left…", self.mark_left, "Record the day the chosen person left")
        buttons = QHBoxLayout()
        for push in (button("&Add Person…", self.add_person), on_person[0], left, *on_person[1:]):
            buttons.addWidget(push)
        buttons.addStretch()
        chosen = (self.view.selectionModel().selectionChanged, self.model.modelReset)
        enable_while(lambda: self.chosen() is not None, on_person, *chosen)
        enable_while(lambda: self.chosen() is not None and not self.chosen().membership.left_on,
                     [left], *chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        session.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen()
        people, body_id = self.session.tf.people, self.session.body_id
        show_list(self.view, lambda limit: people.in_body(body_id, limit))
        select_id(self.view, chosen and chosen.person.id)

    def chosen(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def show_record(self, person_id: str) -> None:
        """Select the person (a search hit), if the body shown has known them."""
        show_id(self.view, person_id)

    def _on_changed(self, changes) -> None:
        if changes.concerns("person", "body"):
            self.refresh()

    def add_person(self) -> None:
        def add(values) -> str | None:
            person, membership = values
            found = self.session.tf.people.namesakes(person["name"])
            if found and not self._someone_else(NamesakeError(person["name"], found)):
                return None
            return people.add_person(self.session, self.session.body_id, person, membership,
                                     namesake_ok=bool(found))

        created = PersonDialog(self.session, parent=self).run(add)
        if created:
            select_id(self.view, created)

    def _someone_else(self, namesake: NamesakeError) -> bool:
        """Ask whether a name already someone's is another person's."""
        box = QMessageBox(QMessageBox.Icon.Question, namesake.title,
                          f"{namesake.message}\n\nAdd a different person of the same name?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def merge_into(self) -> bool:
        """The chosen person is recorded twice: their records become the other's."""
        current = self.chosen()
        if current is None:
            return False
        tf = self.session.tf
        others = [bp.person for bp in tf.people.in_body(self.session.body_id)
                  if bp.person.id != current.person.id]
        names = [p.display_name + (f" ({p.organisation})" if p.organisation else "")
                 for p in others]
        twins = {p.id for p in tf.people.namesakes(current.person.name, current.person.id)}
        first = next((i for i, p in enumerate(others) if p.id in twins), 0)
        name, ok = QInputDialog.getItem(
            self, "Merge Into", f"{current.person.display_name} is the same person as:",
            names, first, False)
        if not ok:
            return False
        into = others[names.index(name)]
        done = people.merge(self.session, current.person, into)
        if done:
            select_id(self.view, into.id)
        return done

    def edit_person(self) -> None:
        current = self.chosen()
        if current is None:
            return
        old = ({k: getattr(current.person, k) for k in ("name", "role_title", "organisation",
                                                       "email", "notes")},
               {k: getattr(current.membership, k) for k in ("role", "joined_on", "left_on")})

        def save(new) -> bool | None:
            if new == old:
                return True
            renamed = new[0]["name"].strip() != old[0]["name"]
            found = renamed and self.session.tf.people.namesakes(new[0]["name"],
                                                                 current.person.id)
            if found:  # asked, as when adding someone; no: the dialog stays to change it
                if not self._someone_else(NamesakeError(new[0]["name"], found)):
                    return None
                new = ({**new[0], "namesake_ok": True}, new[1])
            return people.edit_person(self.session, current, new, old) or None

        PersonDialog(self.session, current, parent=self).run(save)

    def mark_left(self) -> None:
        current = self.chosen()
        if current is None or current.membership.left_on:
            return
        on = ask_date(self, "Left the Body", f"{current.person.display_name} left on:")
        if not on:
            return
        people.mark_left(self.session, current, on)

    def delete_person(self) -> None:
        current = self.chosen()
        if current is not None:
            people.delete_person(self.session, current.person)
