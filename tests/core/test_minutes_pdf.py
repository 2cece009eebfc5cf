"""The printed minutes: house-style order, escaping, fonts, long text, restricted items."""

import io

import pypdf
import pytest

from minutes_setup import add_item, board
from secretariat.meeting import minutes_content
from secretariat.__main__ import main
from secretariat.documents import minutes_pdf
from secretariat.taskforce import Taskforce

HOSTILE = ["<", "&", "<b>", "<img src='/etc/passwd'/>"]


def _attend(tf, meeting_id, person_id, status="present", capacity="member", deputising=None):
    tf.store.insert("attendance", dict(meeting_id=meeting_id, person_id=person_id,
                                       status=status, capacity=capacity,
                                       deputising_for_id=deputising))


def _pages(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _print(tf, meeting_id, publication=False) -> bytes:
    return minutes_pdf.render(minutes_content.build(tf, meeting_id, publication))


@pytest.fixture
def held(tf):
    return _hold(tf)


def _hold(tf):
    """The board, its first meeting held with a register and minutes."""
    b = board(tf)
    first = b.meetings[0]
    guest, _ = tf.people.create(b.body, "Ann Visitor", "guest", organisation="Co-ops UK")
    _attend(tf, first, b.people["Peter Marsh"])  # the Vice-Chair chaired
    _attend(tf, first, b.people["Julian Le Grand"], "apologies")
    _attend(tf, first, b.people["Ed Mayo"])
    _attend(tf, first, b.people["Head of Mutuals Programme"], capacity="official")
    _attend(tf, first, guest, capacity="presenter")
    tf.minutes.capture(b.items[(0, "Update")],
                       "- Updates will be tracked\n  - every work stream\n"
                       "Decision: Format approved\n"
                       "Action: Officials — bring the slide pack — by the next meeting")
    return b


def test_the_minutes_follow_the_house_style_order(tf, held):
    text = "\n".join(_pages(_print(tf, held.meetings[0])))
    order = ["MUTUALS TASKFORCE MEETING", "Thursday 26 May 2011", "22 Whitehall",
             "15.30 – 17.30", "MINUTES", "Attendees", "In the chair: Peter Marsh (Vice-Chair)",
             "Ed Mayo",
             "Officials", "Head of Mutuals Programme", "Presenters",
             "Ann Visitor, Co-ops UK", "Apologies", "Julian Le Grand",
             "1. Minutes of the last meeting and matters arising", "2. Chair's update",
             "Updates will be tracked", "every work stream", "Format approved", "Actions",
             "Who", "Action", "When", "Officials", "bring the slide pack",
             "by the next meeting"]
    positions = [text.index(s, text.index(order[0])) for s in order[:1]]
    for s in order[1:]:
        positions.append(text.index(s, positions[-1]))
    assert positions == sorted(positions)


def test_draft_is_on_every_page_until_approved(tf, held):
    first, second, _ = held.meetings
    for n in range(60):
        tf.minutes.add(held.items[(0, "Update")], f"Point number {n} " + "words " * 40)
    pages = _pages(_print(tf, first))
    assert len(pages) > 1
    assert all("DRAFT" in p and "OFFICIAL" in p and f"of {len(pages)}" in p for p in pages)
    tf.minutes.lifecycle.circulate(first, "2011-06-01")
    tf.minutes.lifecycle.approve(first, second)
    assert not any("DRAFT" in p for p in _pages(_print(tf, first)))


def test_hostile_strings_print_verbatim(tf, held):
    item = held.items[(0, "Update")]
    for text in HOSTILE:
        tf.minutes.add(item, f"point {text} end")
    tf.actions.create(item, "act <b>now</b> & then", ["<i>group</i>"], "<soon>")
    text = "\n".join(_pages(_print(tf, held.meetings[0])))
    for s in HOSTILE:
        assert f"point {s} end" in text
    assert "act <b>now</b> & then" in text and "<i>group</i>" in text and "<soon>" in text


def test_polish_names_print_and_missing_glyphs_are_reported(tf, held):
    first = held.meetings[0]
    _attend(tf, first, held.people["Łukasz Żółć"])
    tf.minutes.add(held.items[(0, "Update")], "a clef 𝄞 here")
    doc = minutes_content.build(tf, first)
    assert "Łukasz Żółć" in "\n".join(_pages(minutes_pdf.render(doc)))
    assert minutes_pdf.warnings(doc) == ["𝄞"]


def test_a_600_character_word_wraps_whole(tf, held):
    word = "".join(chr(ord("a") + n % 26) for n in range(600))
    tf.minutes.add(held.items[(0, "Update")], word)
    text = "".join("".join(_pages(_print(tf, held.meetings[0]))).split())
    assert word in text


def test_a_30_page_item_paginates(tf, held):
    item = held.items[(0, "Update")]
    tf.minutes.capture(item, "\n".join(f"- Point {n}: " + "a long discussion " * 30
                                       for n in range(330)))
    pages = _pages(_print(tf, held.meetings[0]))
    assert len(pages) >= 30
    assert f"page 30 of {len(pages)}" in pages[29]
    assert "Point 329:" in pages[-2] + pages[-1]


def test_the_publication_version_leaks_nothing_of_a_restricted_item(tf, held):
    first = held.meetings[0]
    secret = add_item(tf, first, 3, "Zanzibar acquisition", restricted=True)
    sub = add_item(tf, first, 1, "Zanzibar pricing", parent_id=secret)
    tf.minutes.capture(secret, "- Zanzibar point\nDecision: Zanzibar agreed\n"
                               "Action: Ed Mayo — call Zanzibar — asap")
    tf.minutes.add(sub, "Zanzibar sub-item detail")
    full = _print(tf, first)
    assert "Zanzibar pricing" in "\n".join(_pages(full))
    assert all("OFFICIAL-SENSITIVE" in p for p in _pages(full))

    published = _print(tf, first, publication=True)
    reader = pypdf.PdfReader(io.BytesIO(published))
    text = "\n".join(_pages(published))
    outline = str([o.title if not isinstance(o, list) else [x.title for x in o]
                   for o in reader.outline])
    assert "3. Item withheld" in text and "withheld from the published minutes" in text
    assert "i) Item withheld" not in text  # nor how many sub-items it had
    assert "Format approved" in text  # the rest is all there
    for place in (text, outline, str(reader.metadata), published.decode("latin-1")):
        assert "Zanzibar" not in place
    assert "OFFICIAL-SENSITIVE" not in text


def test_the_command_line_prints_minutes_and_refuses_bad_input(file_path, tmp_path, capsys):
    with Taskforce.open(file_path, create=True) as tf:
        _hold(tf)
    out = tmp_path / "minutes.pdf"
    assert main(["minutes", str(tf.path), "--meeting", "2011-05-26", "-o", str(out)]) == 0
    assert "MUTUALS TASKFORCE MEETING" in _pages(out.read_bytes())[0]
    assert main(["minutes", str(tf.path), "--meeting", "2011-05-27", "-o", str(out)]) == 1
    assert main(["actions", str(tf.path), "--status", "shut", "-o", str(out)]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors == ["error: There is no meeting on 2011-05-27.",
                      "error: The status 'shut' is not one of: Open, Done, Dropped."]


def test_the_action_log_prints_open_actions_by_owner_with_history(file_path, tmp_path):
    with Taskforce.open(file_path, create=True) as tf:
        held = _hold(tf)
        action, = tf.actions.of_item(held.items[(0, "Update")])
        tf.actions.carry_forward(action.id, held.meetings[1], "Slides half done")
    out = tmp_path / "actions.pdf"
    assert main(["actions", str(tf.path), "--status", "open", "--owner", "officials",
                 "-o", str(out)]) == 0
    text = " ".join(" ".join(_pages(out.read_bytes())).split())
    for s in ("ACTION LOG", "Officials (1 open)", "bring the slide pack", "OVERDUE",
              "Carried forward: Slides half done",
              "by the next meeting, Thursday 14 July 2011"):  # the date the words stand for
        assert s in text


def test_the_next_minutes_list_matters_arising_with_their_progress(tf, held):
    first, second, _ = held.meetings
    action, = tf.actions.of_item(held.items[(0, "Update")])
    tf.actions.carry_forward(action.id, second, "Slides half done")
    text = " ".join(" ".join(_pages(_print(tf, second))).split())
    start = text.index("1. Minutes of the last meeting and matters arising")
    assert text.index("Matters arising", start) < text.index("2. Chair's update")
    for s in ("26 May 2011", "Officials", "bring the slide pack",
              "Carried forward: Slides half done"):
        assert s in text[start:]


def test_an_item_title_longer_than_a_page_prints_and_keeps_its_bookmark(tf, held):
    item = add_item(tf, held.meetings[0], 3, "A very long title")
    with tf.store.transaction() as db:  # longer than a title may be typed: as an older file
        db.execute("UPDATE agenda_items SET title = ? WHERE id = ?",
                   ("A very long title " * 400, item))
    reader = pypdf.PdfReader(io.BytesIO(_print(tf, held.meetings[0])))
    assert len(reader.pages) >= 3
    assert [o.title[:20] for o in reader.outline][-1] == "3. A very long title"


def test_approved_minutes_print_their_later_corrections(tf, held):
    first, second, third = held.meetings
    tf.minutes.lifecycle.circulate(first, "2011-06-01")
    tf.minutes.lifecycle.approve(first, second)
    tf.minutes.lifecycle.record_correction(first, third, "Ed Mayo sent apologies")
    text = " ".join(" ".join(_pages(_print(tf, first))).split())
    assert text.index("Corrections") > text.index("2. Chair's update")
    assert ("Corrected at the meeting of Thursday 22 September 2011: Ed Mayo sent apologies"
            in text)


def test_another_member_in_the_chair_is_headed_as_the_register_heads_them(tf):
    b = board(tf)
    first = b.meetings[0]
    for name, status in (("Julian Le Grand", "apologies"), ("Peter Marsh", "apologies"),
                         ("Ed Mayo", "present")):
        tf.attendance.mark(first, b.people[name], status)
    tf.attendance.set_chair(first, b.people["Ed Mayo"])
    heading = tf.attendance.register(first).chair_heading
    text = "\n".join(_pages(_print(tf, first)))
    assert heading == "In the chair"
    assert "In the chair: Ed Mayo" in text and "Chair: Ed Mayo" not in text.replace(
        "In the chair: Ed Mayo", "")


def test_officials_print_in_the_order_recorded_as_in_the_seed_minutes(sample_tf):
    meeting = sample_tf.meetings.find_one("2012-01-12", None)
    text = "\n".join(_pages(_print(sample_tf, meeting.id)))
    officials = text[text.index("Officials"):text.index("Apologies")]
    assert [line.strip() for line in officials.splitlines()[1:] if line.strip()] == [
        "Head of Mutuals Programme", "Officials from OCS",
        "Crown Commercial Lead deputising for Director of Commercial"]
