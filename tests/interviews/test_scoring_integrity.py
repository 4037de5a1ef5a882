"""Integrity signals: each one on an answer built to show it, and none on an honest answer."""

from interviews.scoring import integrity_score, integrity_signals

GOLD = (
    "A database index is a separate structure, usually a B-tree, that maps column values to "
    "rows so lookups avoid scanning the whole table. It speeds up reads but slows down writes, "
    "because every insert and update must also maintain the index, and it takes disk space."
)
HONEST = (
    "An index lets the database jump to matching rows instead of reading the entire table. "
    "Reads get faster, but each write has to keep the index up to date, so inserts cost more."
)


def signals(answer=HONEST, **overrides):
    arguments = {
        "time_taken_seconds": 90,
        "paste_count": 0,
        "tab_switches": 0,
        "gold_answer": GOLD,
        "other_answers": [],
    }
    return integrity_signals(answer, **{**arguments, **overrides})


def kinds(found):
    return [signal.kind for signal in found]


def test_an_honest_answer_shows_nothing_and_keeps_a_full_score():
    found = signals()
    assert found == []
    assert integrity_score(found) == 100


def test_typing_faster_than_a_person_composes_is_a_signal():
    found = signals(time_taken_seconds=8)
    assert kinds(found) == ["fast_typing"]
    assert found[0].evidence["words"] == 33
    assert "33 words in 8 s" in found[0].description


def test_a_short_answer_is_never_too_fast():
    assert signals("Reads get faster, writes slower.", time_taken_seconds=1) == []


def test_no_time_reported_is_no_timing_signal():
    assert signals(time_taken_seconds=None) == []


def test_pastes_and_tab_switches_reported_by_the_page_are_signals():
    found = signals(paste_count=2, tab_switches=3)
    assert kinds(found) == ["paste", "tab_switch"]
    assert "2 pastes" in found[0].description
    assert "3 times" in found[1].description
    assert integrity_score(found) == 100 - 20 - 15


def test_negative_counts_from_a_page_are_ignored():
    assert signals(paste_count=-4, tab_switches=-1) == []


def test_a_near_verbatim_copy_of_the_gold_answer_is_a_signal_even_when_padded():
    copied = "Well, " + GOLD.replace("usually a B-tree", "often a B-tree") + " I think so."
    found = signals(copied)
    assert kinds(found) == ["gold_copy"]
    assert found[0].evidence["containment"] >= 0.8


def test_a_near_duplicate_of_another_candidates_answer_is_a_signal():
    other = HONEST.replace("entire table", "whole table")
    found = signals(other_answers=["Something else entirely about caching.", other])
    assert kinds(found) == ["duplicate_answer"]
    assert found[0].evidence["jaccard"] >= 0.6


def test_an_answer_on_the_same_topic_in_other_words_is_no_duplicate():
    other = "Indexes trade write speed and storage for quick lookups by key without full scans."
    assert signals(other_answers=[other]) == []


def test_the_integrity_score_never_goes_below_zero():
    found = signals(GOLD, time_taken_seconds=5, paste_count=9, tab_switches=9, other_answers=[GOLD])
    assert set(kinds(found)) == {
        "fast_typing",
        "paste",
        "tab_switch",
        "gold_copy",
        "duplicate_answer",
    }
    assert integrity_score(found) == 0


def test_signals_serialise_for_storing():
    found = signals(paste_count=1)
    assert found[0].as_dict() == {
        "kind": "paste",
        "description": "The page saw 1 paste into the answer.",
        "penalty": 10,
        "evidence": {"paste_count": 1},
    }
