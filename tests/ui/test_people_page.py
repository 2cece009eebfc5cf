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
    """Each time the dialog opens, type one set of answers and press OK; while
    OK is refused (the dialog stays open), the next set."""
    remaining = list(answers)

    def exec_(dialog):
        while remaining:
            dialog.setResult(QDialog.DialogCode.Rejected)
            for field, text in remaining.pop(0).items():
                getattr(dialog, field).setText(text)
            dialog.accept()
            if dialog.result():
                return dialog.result()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PersonDialog, "exec", exec_)


def choose(page, name):
    page.view.selectRow(next(r for r in range(page.model.rowCount())
                             if page.model.record(r).person.display_name == name))


def test_add_a_person_keeps_the_dialog_after_a_refusal(page, sample_path, monkeypatch,
                                                        dialogs_shown, stored):
    fill_dialog(monkeypatch, [
        {"name": "Margaret Hodge", "email": "not an address"},
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
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT p.organisation, m.left_on FROM people p JOIN memberships m"
                  " ON m.person_id = p.id WHERE p.name = 'Carole Leslie'") == [("", None)]


def test_mark_as_left(page, sample_path, stored, replies, click):
    choose(page, "Rachel Wolf")
    replies.text("31 March 2012")
    click(page, "Mark as Left…")
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
    sample_window.commands[Act.UNDO].trigger()
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


def test_a_name_already_someone_s_is_asked_about(page, qtbot, monkeypatch, dialogs_shown, click,
                                                 stored, sample_path):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or (
        QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes))
    fill_dialog(monkeypatch, [{"name": "ed mayo"}, {"name": "ed mayo"}])
    click(page, "Add Person…")  # "the same person": not added, the dialog stays
    assert "There is already someone called Ed Mayo (Co-operatives UK)" in asked[0]
    assert stored(sample_path, "SELECT namesake_ok FROM people WHERE name = 'ed mayo'") == [(1,)]


def test_a_person_recorded_twice_is_merged_by_a_click_and_undone(page, qtbot, monkeypatch, click,
                                                                 sample_window, stored,
                                                                 sample_path):
    from PySide6.QtWidgets import QInputDialog

    tf = sample_window.session.tf
    twin, _ = tf.people.create(sample_window.session.body_id, "Edward Mayo")
    page.refresh()
    choose(page, "Edward Mayo")
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *rest: (
        next(i for i in items if i.startswith("Ed Mayo")), True))
    click(page, "Merge Into…")
    assert stored(sample_path, "SELECT count(*) FROM people WHERE name = 'Edward Mayo'") == [(0,)]
    assert page.chosen().person.name == "Ed Mayo"
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT count(*) FROM people WHERE name = 'Edward Mayo'") == [(1,)]


def test_someone_on_an_approved_register_is_merged_by_a_click_and_undone(
        page, monkeypatch, click, sample_window, stored, sample_path, dialogs_shown):
    from PySide6.QtWidgets import QInputDialog

    tf = sample_window.session.tf
    may = tf.meetings.find_one("2011-05-26").id
    assert tf.minutes.lifecycle.of(may).state == "approved"
    ed = stored(sample_path, "SELECT id FROM people WHERE name = 'Ed Mayo'")[0][0]
    assert stored(sample_path, "SELECT count(*) FROM attendance WHERE meeting_id = ? AND "
                  "person_id = ?", (may, ed)) == [(1,)]
    tf.people.create(sample_window.session.body_id, "Edward Mayo")
    page.refresh()
    choose(page, "Ed Mayo")
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *rest: (
        next(i for i in items if i.startswith("Edward Mayo")), True))
    click(page, "Merge Into…")
    assert dialogs_shown == []
    assert stored(sample_path, "SELECT p.name FROM attendance a JOIN people p ON p.id = "
                  "a.person_id WHERE a.meeting_id = ? AND p.name LIKE 'Ed%'", (may,)) == [
        ("Edward Mayo",)]
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT count(*) FROM attendance WHERE meeting_id = ? AND "
                  "person_id = ?", (may, ed)) == [(1,)]


def _hostile():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
    from test_values_at_the_door import HOSTILE

    # (a lone surrogate cannot be typed: Qt's strings cannot hold one)
    return [h for h in HOSTILE if h[1].strip() and len(h[1]) < 1000 and h[0] != "lone surrogate"]


@pytest.mark.parametrize("what, value, refused, _", _hostile(), ids=[h[0] for h in _hostile()])
def test_a_hostile_name_typed_in_the_window_is_refused_at_once_or_kept_as_typed(
        page, qtbot, monkeypatch, dialogs_shown, stored, sample_path, what, value, refused, _,
        click):
    fill_dialog(monkeypatch, [{"name": value}])
    click(page, "Add Person…")
    names = [r[0] for r in stored(sample_path, "SELECT name FROM people")]
    if refused:
        assert "name" in dialogs_shown[-1][1] and value not in names
    elif dialogs_shown and "already someone called" in dialogs_shown[-1][1]:
        assert value not in names  # Ed Mayo's name, spaced otherwise: asked about, not added
    else:
        assert value.strip() in names


def test_a_refused_value_is_shown_at_its_field(page, qtbot, monkeypatch, dialogs_shown, click):
    seen = []

    def exec_(dialog):
        dialog.name.setText("Margaret Hodge")
        dialog.email.setText("mh@example.org, pa@example.org")
        dialog.accept()  # refused: the dialog stays open
        seen.append(dialog.focusWidget() is dialog.email and dialog.email.selectedText())
        return dialog.result()  # then cancelled

    monkeypatch.setattr(PersonDialog, "exec", exec_)
    click(page, "Add Person…")
    assert "holds more than one e-mail address" in dialogs_shown[-1][1]
    assert seen == ["mh@example.org, pa@example.org"]


def test_renaming_to_someone_s_name_asks_and_merge_offers_them_first(
        page, monkeypatch, dialogs_shown, stored, sample_path, replies, click):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or (
        QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes))
    choose(page, "Rachel Wolf")
    fill_dialog(monkeypatch, [{"name": "PETER MARSH"}, {"name": "PETER MARSH"}])
    click(page, "Edit…")  # No: the dialog stays; then Yes: another person of that name
    assert "There is already someone called Peter Marsh" in asked[0] and len(asked) == 2
    assert stored(sample_path, "SELECT namesake_ok FROM people WHERE name = 'PETER MARSH'") == [
        (1,)]
    choose(page, "PETER MARSH")
    click(page, "Merge Into…")  # cancelled
    assert replies.first_chosen[-1].startswith("Peter Marsh")


@pytest.mark.parametrize("button, typed", [
    ("Add Person…", {"name": "ed mayo", "email": "ed@x.org, other@y.org"}),
    ("Edit…", {"name": "Ed\nMayo"}),  # pasted with its line break
])
def test_a_refused_value_is_refused_before_any_question_about_namesakes(
        page, monkeypatch, stored, sample_path, click, button, typed):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or (
        QMessageBox.StandardButton.Yes))
    choose(page, "Rachel Wolf")
    fill_dialog(monkeypatch, [typed])
    click(page, button)
    assert len(shown) == 1 and "already someone called" not in shown[0]
    assert ("more than one e-mail address" if "email" in typed else "one line") in shown[0]
    assert stored(sample_path, "SELECT count(*) FROM people WHERE name LIKE 'Ed%Mayo'") == [(1,)]
