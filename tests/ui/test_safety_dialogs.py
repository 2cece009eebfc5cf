"""Travel copies, backups, export/import and the network warning, from the File menu."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from ui import file_dialogs
from secretariat.files import exchange as exchange_core
from secretariat.storage.backups import list_backups
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy
from ui import network_warning
from ui.dialogs import backups, exchange, travel
from ui.menus import Act


def rename_first_person(path, name) -> str:
    with Taskforce.open(path) as tf:
        person = tf.store.row("SELECT id FROM people WHERE name <> '' ORDER BY name")
        tf.people.update(person["id"], name=name)
    return person["id"]


def names_in(window) -> set[str]:
    return {r["name"] for r in window.session.tf.store.rows("SELECT name FROM people")}


def test_the_file_menu_offers_the_safety_commands(sample_window):
    texts = {a.text() for a in sample_window.commands.values()}
    assert {"Take a &Travel Copy…", "&Merge a Travel Copy…", "&Export…", "&Import…",
            "&Backups…"} <= texts
    assert sample_window.commands[Act.BACKUPS].isEnabled()


def test_merging_from_the_window_closes_merges_reopens_and_reports(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    with Taskforce.open(away) as tf:
        tf.store.insert("people", {"name": "Met On The Away Afternoon"})
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(away), ""))
    shown = []
    monkeypatch.setattr(travel.MergeReportDialog, "exec", lambda dialog: shown.append(
        [dialog.incoming.item(0, c).text() for c in range(3)]))

    merging = travel.merge_copy(sample_window)
    assert sample_window.session is None  # closed while the merge runs on its thread
    with qtbot.waitSignal(merging.finished) as merged:
        pass
    report = merged.args[0]

    assert report.merged and shown == [["Added", "Person", "Met On The Away Afternoon"]]
    assert sample_window.session.tf.path == sample_path
    assert "Met On The Away Afternoon" in names_in(sample_window)


def test_a_refused_merge_leaves_the_window_its_page_and_its_undo_as_they_were(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot, dialogs_shown, stored):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    sample_window.commands[Act.NEW_MEETING].trigger()  # an edit to undo
    sample_window.go_to(1)
    session, workspace = sample_window.session, sample_window.centralWidget()
    meetings = stored(sample_path, "SELECT count(*) FROM meetings")
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(away), ""))

    with Taskforce.open(away):  # the travel copy open in another window
        sample_window.commands[Act.MERGE_TRAVEL_COPY].trigger()

    title, text = dialogs_shown[-1]
    assert title == "File in use" and "laptop.taskforce is already open" in text
    assert sample_window.session is session and sample_window.centralWidget() is workspace
    assert workspace.navigation.currentItem().text() == "People"
    assert sample_window.commands[Act.UNDO].isEnabled()
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT count(*) FROM meetings")[0][0] == meetings[0][0] - 1


def test_a_merge_whose_conflicts_are_left_unchosen_keeps_the_window_s_undo(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot, stored):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    person = rename_first_person(away, "Renamed Away")
    sample_window.session.tf.people.update(person, name="Renamed At Home")
    sample_window.commands[Act.NEW_MEETING].trigger()  # an edit to undo
    session = sample_window.session
    meetings = stored(sample_path, "SELECT count(*) FROM meetings")[0][0]
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(away), ""))
    asked = []  # whether the file was open, shown behind the question
    monkeypatch.setattr(travel.ConflictsDialog, "exec", lambda dialog: asked.append(
        sample_window.session is session) or QDialog.DialogCode.Rejected)  # Cancel

    sample_window.commands[Act.MERGE_TRAVEL_COPY].trigger()
    qtbot.waitUntil(lambda: sample_window.session is not None, timeout=20000)

    assert asked == [True] and sample_window.session is session
    assert names_in(sample_window) >= {"Renamed At Home"}
    assert sample_window.commands[Act.UNDO].isEnabled()
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT count(*) FROM meetings")[0][0] == meetings - 1


def test_conflicts_chosen_behind_the_open_file_are_then_merged(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    person = rename_first_person(away, "Renamed Away")
    sample_window.session.tf.people.update(person, name="Renamed At Home")
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(away), ""))
    monkeypatch.setattr(travel.MergeReportDialog, "exec", lambda dialog: None)
    shown = []

    def choose_away(window, conflicts):
        shown.append(window.session is not None)
        return {c.key: "travel" for c in conflicts}

    monkeypatch.setattr(travel, "_ask_conflicts", choose_away)
    sample_window.commands[Act.MERGE_TRAVEL_COPY].trigger()
    qtbot.waitUntil(lambda: sample_window.session is not None
                    and "Renamed Away" in names_in(sample_window), timeout=20000)
    assert shown == [True]


def test_a_travel_copys_window_says_it_is_one(sample_window, sample_path, tmp_path, qtbot):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    assert "travel copy" not in sample_window.windowTitle()
    assert sample_window.centralWidget().travel_banner is None

    assert sample_window.open_path(away)

    assert sample_window.windowTitle().startswith("laptop.taskforce (travel copy)")
    banner = sample_window.centralWidget().travel_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.accessibleName() == "Travel copy"
    today = dt.date.today()
    assert (f"laptop.taskforce is a travel copy</b> of {sample_path.name}, taken on "
            f"{today.day} {today:%B %Y}") in banner.text()


def test_conflicts_are_chosen_side_by_side_before_merging(sample_path, tmp_path, qtbot):
    away = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    rename_first_person(sample_path, "Home Version")
    rename_first_person(away, "Travel Version")
    conflicts = merge(sample_path, away).conflicts

    dialog = travel.ConflictsDialog(conflicts)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    assert [dialog.versions.item(0, c).text() for c in range(3)] == [
        "Name", "Home Version", "Travel Version"]
    assert not ok.isEnabled()
    dialog.choose(0, "travel")
    assert ok.isEnabled() and dialog.choices() == {conflicts[0].key: "travel"}


def test_both_versions_are_shown_in_an_officials_words(sample_path, tmp_path, qtbot):
    away = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
        meeting = tf.store.row("SELECT id FROM meetings ORDER BY date DESC")["id"]  # not approved
        action = tf.store.row("SELECT id, text FROM actions WHERE meeting_id = ?", (meeting,))
        chairs = [r["id"] for r in tf.store.rows("SELECT id FROM people WHERE name <> '' "
                                                 "ORDER BY name LIMIT 2")]
    for path, due, chair in ((sample_path, "End of June", chairs[0]), (away, "July", chairs[1])):
        with Taskforce.open(path) as tf:
            tf.store.update("actions", action["id"], {"due_text": due})
            tf.store.update("meetings", meeting, {"chair_person_id": chair})
    with Taskforce.open(sample_path) as tf:
        names = [tf.people.get(chair).name for chair in chairs]

    dialog = travel.ConflictsDialog(merge(sample_path, away).conflicts)
    qtbot.addWidget(dialog)
    shown = {}
    for row in range(dialog.records.count()):
        dialog.records.setCurrentRow(row)
        shown[dialog.records.item(row).text()] = [
            [dialog.versions.item(r, c).text() for c in range(3)]
            for r in range(dialog.versions.rowCount())]

    assert shown[f"Action: {action['text']}"] == [["Due", "End of June", "July"]]
    meeting_rows = next(rows for title, rows in shown.items() if title.startswith("Meeting: "))
    assert ["In the chair", *names] in meeting_rows
    assert not any("_" in text or text.islower() for rows in shown.values()
                   for row in rows for text in row[:1])


def test_backups_are_listed_checked_and_restoring_sets_the_file_aside(
        sample_window, sample_path, qtbot):
    dialog = backups.BackupsDialog(sample_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(dialog.backups) >= 1
    assert dialog.table.item(0, 2).text().endswith("KB")
    sample_window.session.tf.store.insert("people", {"name": "After The Backup"})

    aside = backups.restore(sample_window, sample_path, dialog.chosen)

    assert aside.exists() and sample_window.session.tf.path == sample_path
    assert "After The Backup" not in names_in(sample_window)


def test_export_then_import_opens_the_new_file(sample_window, tmp_path, monkeypatch, qtbot):
    out = tmp_path / "everything.json"
    target = tmp_path / "imported.taskforce"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(exchange.export_file(sample_window).ended):
        pass
    assert out.is_file() and "everything.json" in sample_window.statusBar().currentMessage()
    people = names_in(sample_window)
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    assert exchange.import_file(sample_window) == target
    assert sample_window.session.tf.path == target and names_in(sample_window) == people


def test_import_offers_a_name_no_file_has(sample_window, tmp_path, monkeypatch):
    """An export named as the open file offers, beside it, a new name, not one refused."""
    source = sample_window.session.tf.path.with_suffix(".json")
    source.write_text("{}", encoding="utf-8")
    source.with_name(f"{source.stem} 2.taskforce").write_bytes(b"")
    offered = []
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda parent, title, start, *a, **k: offered.append(start) or ("", ""))
    sample_window.commands[Act.IMPORT].trigger()  # File ▸ Import…, then cancelled
    assert offered == [str(source.with_name(f"{source.stem} 3.taskforce"))]
    assert sample_window.session.tf.path == source.with_suffix(".taskforce")  # still open


def exported(tmp_path) -> str:
    out = tmp_path / "export.json"
    with Taskforce.open(tmp_path / "elsewhere.taskforce", create=True) as tf:
        out.write_text(exchange_core.export_json(tf.store), encoding="utf-8")
    return str(out)


def test_import_asks_before_it_takes_the_place_of_the_open_file_then_closes_it_as_usual(
        sample_window, sample_path, tmp_path, monkeypatch):
    target = tmp_path / "imported.taskforce"
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (exported(tmp_path), ""))
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    asked, answers = [], [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(
        text) or answers.pop(0))
    sample_window.commands[Act.NEW_MEETING].trigger()  # a change: closing backs the file up
    session, before = sample_window.session, list_backups(sample_path)

    sample_window.commands[Act.IMPORT].trigger()  # answered No

    assert sample_path.name in asked[0] and target.name in asked[0]
    assert sample_window.session is session and not target.exists()

    sample_window.commands[Act.IMPORT].trigger()  # answered Yes

    assert sample_window.session.tf.path == target
    assert [b.reason for b in list_backups(sample_path) if b not in before] == ["on-close"]


def restore_from_the_menu(window, qtbot, monkeypatch, answer):
    """File > Backups…, the newest chosen, Restore clicked; the question answered."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(
        text) or answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)

    def click_restore(dialog):
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(backups.BackupsDialog, "exec", click_restore)
    window.commands[Act.BACKUPS].trigger()
    return asked


def test_restoring_a_backup_asks_naming_its_date_and_the_file(
        sample_window, sample_path, qtbot, monkeypatch):
    sample_window.session.tf.store.insert("people", {"name": "After The Backup"})
    newest = backups.BackupsDialog(sample_path).backups[0]
    session = sample_window.session

    asked = restore_from_the_menu(sample_window, qtbot, monkeypatch,
                                     QMessageBox.StandardButton.No)

    assert sample_path.name in asked[0]
    assert f"{newest.taken_at.day} {newest.taken_at:%B %Y at %H:%M}" in asked[0]
    assert sample_window.session is session and "After The Backup" in names_in(sample_window)

    restore_from_the_menu(sample_window, qtbot, monkeypatch, QMessageBox.StandardButton.Yes)
    assert "After The Backup" not in names_in(sample_window)


def test_a_file_on_a_network_share_is_warned_about(window, sample_path, monkeypatch):
    monkeypatch.setattr(network_warning, "is_network_path", lambda path: True)
    window.open_path(sample_path)
    boxes = [b for b in window.findChildren(QMessageBox) if b.windowTitle() == network_warning.TITLE]
    assert boxes and "network share" in boxes[0].text()
    boxes[0].done(QDialog.DialogCode.Accepted)


def test_a_damaged_file_with_backups_offers_them_on_opening(window, sample_path, monkeypatch):
    with open(sample_path, "r+b") as handle:
        handle.seek(4096 * 4)
        handle.write(b"\xff" * 4096)
    damaged = sample_path.read_bytes()
    asked = []

    def answer(box):
        asked.append(box.windowTitle())
        return (QMessageBox.StandardButton.Yes if box.windowTitle() == "Restore From a Backup?"
                else QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(backups.BackupsDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)

    assert window.open_path(sample_path)

    assert asked[:2] == ["Cannot open the file", "Restore From a Backup?"]
    assert window.session.tf.store.check() == []
    assert [p.read_bytes() for p in sample_path.parent.glob("*set-aside*.taskforce")] == [damaged]
