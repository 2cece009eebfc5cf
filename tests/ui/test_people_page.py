"""The People page: add, edit, mark as left, delete only when referenced nowhere."""

import pytest
from PySide6.QtWidgets import QDialog

from ui.dialogs.person import PersonDialog
from ui.menus import Act


@pytest.fixture
def page(sample_window):
    workspace = sample_window.centralWidget()
    workspace.show_page(1)
    return workspace.page("People")


def fill_dialog(monkeypatch, answers: list[dict]):
    """Each time the dialog opens, type one set of answers and press OK."""
    remaining = list(answers)

    def exec_(dialog):
        if not remaining:
            return QDialog.DialogCode.Rejected
        for field, text in remaining.pop(0).items():
            getattr(dialog, field).setText(text)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", exec_)


def choose(page, name):
    page.view.selectRow(next(r for r in range(page.model.rowCount())
                             if page.model.record(r).person.display_name == name))


def test_add_a_person_keeps_the_dialog_after_a_refusal(page, sample_path, monkeypatch,
                                                        dialogs_shown, stored):
    fill_dialog(monkeypatch, [
        {"name": "Iain Hasdell", "email": "not an address"},
        {"name": "Margaret Hodge", "email": "mh@example.org", "organisation": "Guest House",
         "joined": "12 January 2012"},
    ])
    rows = page.model.rowCount()
    page.add_person()
    assert "is not an e-mail address" in dialogs_shown[-1][1]
    assert page.model.rowCount() == rows + 1
    assert stored(sample_path, "SELECT p.email, m.joined_on FROM people p JOIN memberships m "
                  "ON m.person_id = p.id WHERE p.name = 'Margaret Hodge'") == [
        ("mh@example.org", "2012-01-12")]
    assert page.chosen().person.name == "Margaret Hodge"


def test_edit_a_person_and_undo(page, sample_window, sample_path, monkeypatch, stored):
    choose(page, "Carole Leslie")
    fill_dialog(monkeypatch, [{"organisation": "Children's Hospices", "left": "31 March 2012"}])
    page.edit_person()
    assert stored(sample_path, "SELECT p.organisation, m.left_on FROM people p JOIN memberships m"
                  " ON m.person_id = p.id WHERE p.name = 'Carole Leslie'") == [
        ("Children's Hospices", "2012-03-31")]
    sample_window.actions[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT p.organisation, m.left_on FROM people p JOIN memberships m"
                  " ON m.person_id = p.id WHERE p.name = 'Carole Leslie'") == [("", None)]


def test_mark_as_left(page, sample_path, stored):
    choose(page, "Rachel Wolf")
    page.mark_left("31 March 2012")
    left = stored(sample_path, "SELECT m.left_on FROM people p JOIN memberships m "
                  "ON m.person_id = p.id WHERE p.name = 'Rachel Wolf'")[0][0]
    assert left is not None
    assert page.model.index(page.view.currentIndex().row(), 6).data() != ""


def test_delete_someone_entered_by_mistake_then_undo(page, sample_window, sample_path,
                                                     monkeypatch, stored):
    fill_dialog(monkeypatch, [{"name": "Julian Le Grnad"}])
    page.add_person()
    rows = page.model.rowCount()
    choose(page, "Julian Le Grnad")
    page.delete_person()
    assert page.model.rowCount() == rows - 1
    assert stored(sample_path, "SELECT count(*) FROM people WHERE name = 'Julian Le Grnad'") == [
        (0,)]
    sample_window.actions[Act.UNDO].trigger()
    assert page.model.rowCount() == rows
    assert stored(sample_path, "SELECT count(*) FROM people p JOIN memberships m "
                  "ON m.person_id = p.id WHERE name = 'Julian Le Grnad'") == [(1,)]


def test_delete_refused_for_someone_in_the_records(page, sample_window, sample_path,
                                                   dialogs_shown, stored):
    tf = sample_window.session.tf
    chair = next(bp.person.id for bp in tf.people.in_body(sample_window.session.body_id)
                 if bp.membership.role == "chair")
    with tf.store.transaction() as db:  # the Chair chaired a meeting
        db.execute("UPDATE meetings SET chair_person_id = ? WHERE status <> 'approved'",
                   (chair,))
    choose(page, "Julian Le Grand")
    page.delete_person()
    assert "cannot be deleted" in dialogs_shown[-1][1]
    assert "Mark them as having left" in dialogs_shown[-1][1]
    assert stored(sample_path, "SELECT count(*) FROM people WHERE id = ?", (chair,)) == [(1,)]
