"""Recommendations beyond the file's own records: found by search, printed as
the tracker (from the command line, hostile text and all), carried by an
export and an import, and brought home from a travel copy."""

import json

import pytest
from pypdf import PdfReader

from secretariat import search
from secretariat.__main__ import main
from secretariat.files import exchange
from secretariat.files.travel import merge, take_travel_copy
from secretariat.taskforce import Taskforce


def the_recommendation(tf, number: str):
    body = tf.bodies.all()[0].id
    return next(r for r in tf.recommendations.of_body(body) if r.number == number)


def pdf_text(path) -> str:
    """The PDF's words, as one line (table cells wrap their text)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_search_finds_a_recommendation_by_its_words_updates_and_addressees(sample_tf):
    ambassadors = the_recommendation(sample_tf, "3")
    hits = search.search(sample_tf.store, "ambassadors").hits
    assert [(h.kind, h.record_id, h.context) for h in hits if h.kind == "recommendation"] == [
        ("recommendation", ambassadors.id,
         "Recommendation 3, Public service mutuals: the next steps")]

    sample_tf.recommendations.add_update(ambassadors.id, "The zanzibar network met.",
                                         on="2013-05-01")
    found = search.search(sample_tf.store, "zanzibar")
    assert [g.label for g in found.groups] == ["Recommendations"]
    assert found.hits[0].detail.matched == ["zanzibar"]
    treasury = {h.record_id for h in search.search(sample_tf.store, "treasury").hits}
    assert the_recommendation(sample_tf, "17").id in treasury  # an addressee

    sample_tf.recommendations.delete(ambassadors.id)
    assert not search.search(sample_tf.store, "zanzibar")
    assert search.problems(sample_tf.store) == []


def test_a_rebuilt_index_holds_the_recommendations(sample_tf):
    with sample_tf.store.transaction() as db:
        db.execute("DELETE FROM search_docs WHERE kind = 'recommendation'")
    assert search.problems(sample_tf.store)
    search.rebuild(sample_tf.store)
    assert search.problems(sample_tf.store) == []
    assert search.search(sample_tf.store, "ambassadors").hits


def test_the_tracker_prints_a_row_for_each_recommendation(sample_path, tmp_path, capsys):
    out = tmp_path / "tracker.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out)]) == 0
    assert "Wrote the tracker of 17 recommendations" in capsys.readouterr().out
    text = pdf_text(out)
    assert "RECOMMENDATIONS TRACKER" in text and "By chapter" in text
    for words in ("Public service mutuals: the next steps", "Improving Commissioning",
                  "Big Society Capital", "HM Treasury", "December 2012", "April 2013",
                  "OVERDUE", "Accepted in part", "RAG: Amber", "No updates yet",
                  "Owner: Head of Mutuals Programme", "page 1 of"):
        assert words in text, words
    assert text.count("OFFICIAL") == 2 * len(PdfReader(out).pages)  # top and bottom


def test_the_tracker_by_addressee_keeps_to_the_one_asked_for(sample_path, tmp_path):
    out = tmp_path / "treasury.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out), "--by", "addressee",
                 "--addressee", "treasury"]) == 0
    text = pdf_text(out)
    assert "By addressee" in text and "addressed to HM Treasury" in text  # as the file has it
    assert "HM Treasury" in text and "Big Society Capital" not in text
    assert "1 recommendation." in text


def test_the_tracker_keeps_to_the_response_rag_and_overdue_asked_for(sample_path, tmp_path,
                                                                      capsys):
    out = tmp_path / "overdue.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out), "--overdue",
                 "--rag", "unrated"]) == 0
    assert "Wrote the tracker of 1 recommendation to" in capsys.readouterr().out
    text = pdf_text(out)
    assert "only RAG not rated; overdue" in text and "1 recommendation." in text
    assert "Awaiting response" in text and "Accepted in part" not in text

    assert main(["recommendations", str(sample_path), "-o", str(out), "--response",
                 "accepted"]) == 0
    assert "Wrote the tracker of 3 recommendations" in capsys.readouterr().out
    assert "only accepted;" not in pdf_text(out) and "only accepted" in pdf_text(out)


def test_the_tracker_says_what_touches_each_recommendation(sample_path, tmp_path):
    out = tmp_path / "tracker.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "Touches: Paper: Evidence paper" in text
    assert ("Touches: Paper: Procurement paper; Paper: Teckal paper; Meeting of 12 Jan 2012, "
            "item “Chair's") in text  # (the row runs on to the next page)


def test_an_addressee_of_no_recommendation_is_refused(sample_path, tmp_path, capsys):
    out = tmp_path / "magic.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out),
                 "--addressee", "Ministry of Magic"]) == 1
    assert ("No recommendation of Mutuals Taskforce is addressed to anyone whose name or "
            "organisation contains “Ministry of Magic”.") in capsys.readouterr().err
    assert not out.exists()


def test_a_report_without_recommendations_is_summed_up_in_words(sample_path, tmp_path):
    with Taskforce.open(sample_path) as tf:
        tf.reports.create(tf.bodies.all()[0].id, "A report yet to be entered")
    out = tmp_path / "tracker.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "0 recommendations. Overdue: 0. No recommendations to show." in text
    assert ". ." not in text


def test_hostile_text_prints_as_typed(sample_path, tmp_path):
    long_text = ("Pasted notes <b>&amp; more</b> " * 4000)[:100_000]
    with Taskforce.open(sample_path) as tf:
        made = the_recommendation(tf, "16")
        tf.recommendations.update(made.id, text="<b>not bold</b> R&amp;D ]]>",
                                  addressees=["מחלקת האוצר", "وزارة المالية"],
                                  response_text=long_text)
        tf.recommendations.add_update(made.id, "<i>Investors</i> & <img src='x'/>",
                                      on="2013-06-01")
    out = tmp_path / "hostile.pdf"
    assert main(["recommendations", str(sample_path), "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "<b>not bold</b> R&amp;D ]]>" in text
    assert "<i>Investors</i> & <img src='x'/>" in text
    assert "מחלקת האוצר" in text  # right to left, as typed
    assert "[continued below]" in text and "Response and RAG continued:" in text
    assert text.count("Pasted notes") > 3000  # nothing dropped


@pytest.fixture
def with_month_and_links(sample_path):
    """The sample with a month deadline and an update on recommendation 16."""
    with Taskforce.open(sample_path) as tf:
        made = the_recommendation(tf, "16")
        tf.recommendations.update(made.id, deadline="March 2013", rag="amber")
        tf.recommendations.add_update(made.id, "Analysis commissioned.", on="2013-01-15")
    return sample_path


def test_export_import_export_carries_the_recommendations(with_month_and_links, tmp_path):
    first, copy, again = tmp_path / "a.json", tmp_path / "copy.taskforce", tmp_path / "b.json"
    assert main(["export", str(with_month_and_links), "-o", str(first)]) == 0
    tables = json.loads(first.read_text(encoding="utf-8"))["tables"]
    assert len(tables["recommendations"]) == 17 and len(tables["report_chapters"]) == 5
    assert {r["deadline_month"] for r in tables["recommendations"]} == {
        None, "2012-12", "2013-04", "2013-03"}
    assert tables["recommendation_links"] and tables["recommendation_addressees"]
    assert main(["import", str(copy), str(first)]) == 0
    assert main(["export", str(copy), "-o", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    with Taskforce.open(copy) as tf:
        assert the_recommendation(tf, "16").deadline_label == "March 2013"
        assert search.search(tf.store, "analysis commissioned").hits


def test_an_import_refuses_a_month_that_is_not_one(with_month_and_links, tmp_path, capsys):
    with Taskforce.open(with_month_and_links) as tf:
        document = json.loads(exchange.export_json(tf.store))
    document["tables"]["recommendations"][0]["deadline_month"] = "December 2012"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    assert ("tables.recommendations[0].deadline_month: The deadline month 'December 2012' is "
            "not a month such as 2012-12.") in capsys.readouterr().err


def test_a_new_update_made_away_merges_home(sample_path, tmp_path):
    away = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    with Taskforce.open(away) as tf:
        made = the_recommendation(tf, "14")
        tf.recommendations.add_update(made.id, "Advice service piloted in the north west.",
                                      on="2013-02-11", rag="green")
        tf.recommendations.update(made.id, response="accepted", addressees=["Cabinet Office",
                                                                            "Crown Commercial "
                                                                            "Service"])
    report = merge(sample_path, away)
    assert report.merged and {i.table for i in report.incoming} >= {
        "recommendation_updates", "recommendations", "recommendation_addressees"}
    with Taskforce.open(sample_path) as tf:
        home = the_recommendation(tf, "14")
        assert (home.response, home.rag, home.latest.text) == (
            "accepted", "green", "Advice service piloted in the north west.")
        assert home.addressee_label == "Cabinet Office; Crown Commercial Service"
        assert search.search(tf.store, "north west pilot*").hits
        assert search.problems(tf.store) == []

