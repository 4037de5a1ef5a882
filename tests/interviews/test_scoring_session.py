"""A session's summary: ratings, recommendation thresholds from settings, feedback."""

import pytest

from interviews.scoring import AnswerScore, recommendation_for, summarize_session


def answer(overall, *, accuracy=None, completeness=None, clarity=8.0, confidence=7.0, missing=()):
    return AnswerScore(
        relevance=overall,
        completeness=completeness if completeness is not None else overall,
        accuracy=accuracy if accuracy is not None else overall,
        clarity=clarity,
        overall=overall,
        matched_key_points=[],
        missing_key_points=list(missing),
        feedback=[],
        model_answer="",
        sentiment="neutral",
        confidence=confidence,
    )


@pytest.mark.parametrize(
    ("overall", "expected"),
    [(10, "select"), (7.5, "select"), (7.4, "next_round"), (5.0, "next_round"), (4.9, "reject")],
)
def test_the_default_thresholds(overall, expected):
    assert recommendation_for(overall) == expected


def test_thresholds_come_from_settings(settings):
    settings.INTERVIEW_SELECT_THRESHOLD = 9.0
    settings.INTERVIEW_NEXT_ROUND_THRESHOLD = 8.0
    assert recommendation_for(8.5) == "next_round"
    assert recommendation_for(7.9) == "reject"
    summary = summarize_session([answer(8.5)], ["technical"])
    assert summary.recommendation == "next_round"
    assert summary.explanation["select_threshold"] == 9.0


def test_ratings_come_from_the_right_answers():
    scores = [
        answer(9.0, accuracy=9.0, completeness=8.0, clarity=6.0, confidence=4.0),
        answer(5.0, accuracy=2.0, completeness=2.0, clarity=9.0, confidence=6.0),
    ]
    summary = summarize_session(scores, ["technical", "behavioral"])
    assert summary.overall == 7.0
    assert summary.technical == 8.5  # the technical answer only
    assert summary.communication == round((0.6 * 6 + 0.4 * 9 + 0.6 * 9 + 0.4 * 5) / 2, 1)
    assert summary.confidence == 5.0
    assert summary.recommendation == "next_round"


def test_a_session_without_technical_questions_rates_technical_on_all_answers():
    summary = summarize_session([answer(6.0), answer(8.0)], ["behavioral", "situational"])
    assert summary.technical == 7.0


def test_strengths_areas_and_the_points_most_often_missed():
    scores = [
        answer(8.5, clarity=9, confidence=3, missing=["Mentions the index"]),
        answer(8.0, clarity=9, confidence=3, missing=["Mentions the index", "Names a trade-off"]),
    ]
    summary = summarize_session(scores, ["technical", "technical"])
    assert any("technical" in s for s in summary.strengths)
    assert any("confident" in s for s in summary.areas_for_improvement)
    assert summary.areas_for_improvement[-1] == (
        "Points most often left out: Mentions the index; Names a trade-off."
    )
    assert summary.recommendation == "select"
    assert "2 answers scored, 8.3/10 overall." in summary.feedback


def test_no_answers_is_a_reject_with_zero_ratings():
    summary = summarize_session([], [])
    assert (summary.overall, summary.technical, summary.communication) == (0.0, 0.0, 0.0)
    assert summary.recommendation == "reject"
    assert summary.feedback == ["No answers."]


def test_types_must_match_the_answers():
    with pytest.raises(ValueError):
        summarize_session([answer(5.0)], [])
