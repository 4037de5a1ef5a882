"""The deterministic answer scorer: agreement with human grades, stability, fairness."""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from interviews.scoring import KeyPoint, Rubric, propose_key_points, score_answer
from interviews.scoring.quality import graded_pairs, pearson
from interviews.scoring.types import AnswerScore

ROOT = Path(__file__).resolve().parent.parent.parent
GRADED = Path(__file__).resolve().parent / "graded" / "cs_short_answers.json"
HOLDOUT = Path(__file__).resolve().parent / "graded" / "cs_short_answers_holdout.json"
# Measured 0.71 on the graded set (plain bag-of-words cosine: 0.50). The floor leaves room for
# word-list edits without letting the scorer fall back towards the baseline.
CORRELATION_FLOOR = 0.65
# The hold-out set was written after tuning and never tuned on: 0.69 measured (bag of words:
# 0.46) over 60 answers, whose standard error is about 0.07.
HOLDOUT_FLOOR = 0.60

STACK = Rubric(
    question_text="What is a stack, and in what order are its elements removed?",
    gold_answer=(
        "A stack is a linear data structure where elements are added and removed at the same "
        "end, the top. The last element pushed is the first one popped: last in, first out "
        "(LIFO)."
    ),
)
REVIEW = Rubric(
    question_text="Tell me about a time you disagreed with a teammate about a design.",
    gold_answer=(
        "I described the disagreement and what was at stake. I listened to understand the "
        "teammate's reasons and shared my own with data. We agreed on criteria, tried a small "
        "experiment and picked the design the results supported. Afterwards we kept working "
        "well together."
    ),
    key_points=(
        KeyPoint("Listened to the teammate's reasons", 2.0, ("understood their view",)),
        KeyPoint("Used data or an experiment to decide", 2.0, ("prototype to compare",)),
        KeyPoint("Kept the working relationship good", 1.0, ("stayed on good terms",)),
    ),
    question_type="behavioral",
    expected_seconds=120,
)


def test_the_graded_set_is_broad_enough_to_mean_something():
    data = json.loads(GRADED.read_text())
    grades = Counter(a["grade"] for q in data["questions"] for a in q["answers"])
    assert len(data["questions"]) >= 15
    assert sum(grades.values()) >= 150
    assert {0, 1, 2, 3, 4, 5} <= {int(grade) for grade in grades}


def test_overall_scores_correlate_with_human_grades_above_the_floor():
    scores, grades = graded_pairs(GRADED)
    assert pearson(scores, grades) >= CORRELATION_FLOOR


def test_scores_correlate_with_human_grades_on_the_hold_out_set():
    scores, grades = graded_pairs(HOLDOUT)
    assert len(grades) >= 60
    assert pearson(scores, grades) >= HOLDOUT_FLOOR


def test_the_scorer_beats_a_plain_bag_of_words_cosine_on_the_graded_set():
    data = json.loads(GRADED.read_text())
    baseline, grades = [], []
    for question in data["questions"]:
        reference = Counter(question["reference"].lower().split())
        for answer in question["answers"]:
            words = Counter(answer["text"].lower().split())
            dot = sum(words[w] * reference[w] for w in words)
            norm = sum(v * v for v in words.values()) * sum(v * v for v in reference.values())
            baseline.append(dot / norm**0.5 if norm else 0.0)
            grades.append(answer["grade"])
    scores, _ = graded_pairs(GRADED)
    assert pearson(scores, grades) > pearson(baseline, grades) + 0.1


def test_pearson_is_one_for_a_straight_line_and_zero_without_variation():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0
    with pytest.raises(ValueError):
        pearson([1], [1])


def test_the_gold_answer_scores_high_and_an_off_topic_answer_low():
    gold = score_answer(STACK, STACK.gold_answer)
    off_topic = score_answer(STACK, "I enjoy hiking with my family at the weekend.")
    assert gold.overall >= 8.5
    assert gold.missing_key_points == []
    assert off_topic.overall <= 2.0
    assert off_topic.matched_key_points == []


def test_a_short_correct_answer_beats_a_long_vague_one():
    short = score_answer(STACK, "Last in, first out: you push and pop at the top.")
    vague = score_answer(
        STACK,
        "A stack is a very important data structure that programmers use all the time in "
        "many different programs and languages, and it is something every developer should "
        "know about because it comes up often in interviews and in real projects.",
    )
    assert short.overall > vague.overall + 2


def test_an_empty_answer_scores_zero_everywhere():
    for text in ("", "   ", "...", "?!"):
        score = score_answer(STACK, text)
        assert (score.relevance, score.completeness, score.accuracy, score.clarity) == (0,) * 4
        assert score.overall == 0
        assert score.feedback == ["No answer was given."]


def test_scores_are_on_the_documented_scale_with_one_decimal():
    score = score_answer(STACK, "Items come off the top, the newest first.")
    for value in (score.relevance, score.completeness, score.accuracy, score.clarity):
        assert 0 <= value <= 10
        assert value == round(value, 1)
    weights = {"relevance": 0.30, "completeness": 0.25, "accuracy": 0.30, "clarity": 0.15}
    expected = sum(getattr(score, name) * weight for name, weight in weights.items())
    assert score.overall == pytest.approx(expected, abs=0.051)


def test_a_negated_key_point_costs_accuracy_and_is_named_in_the_feedback():
    rubric = Rubric(
        question_text="Does a Python tuple allow changing its items after creation?",
        gold_answer="A tuple is immutable: its items cannot be changed after it is created.",
        key_points=(KeyPoint("Its items cannot be changed after creation", 1.0),),
    )
    right = score_answer(rubric, "No, the items cannot be changed once the tuple is created.")
    wrong = score_answer(rubric, "Yes, the items can be changed after the tuple is created.")
    assert right.matched_key_points == ["Its items cannot be changed after creation"]
    assert wrong.matched_key_points == []
    assert wrong.accuracy < right.accuracy - 3
    assert any("contradict" in sentence for sentence in wrong.feedback)


def test_swapping_what_is_said_about_two_things_costs_accuracy():
    rubric = Rubric(
        question_text="What is the difference between a compiler and an interpreter?",
        gold_answer=(
            "A compiler translates the whole source program into machine code before it runs. "
            "An interpreter translates and executes the program one statement at a time."
        ),
    )
    right = score_answer(
        rubric,
        "A compiler translates the whole program first, and an "
        "interpreter runs one statement at a time.",
    )
    swapped = score_answer(
        rubric,
        "An interpreter translates the whole program first, and a "
        "compiler runs one statement at a time.",
    )
    assert swapped.accuracy < right.accuracy - 3
    assert swapped.explanation["lexical"]["crossed_share"] > 0


def test_alternative_wordings_and_word_forms_match_a_key_point():
    answer = (
        "I made sure I understood their view first, then we built a prototype to compare both "
        "designs, and we stayed on good terms."
    )
    score = score_answer(REVIEW, answer)
    assert len(score.matched_key_points) == 3
    assert score.completeness >= 9


def test_question_words_alone_earn_little():
    echo = score_answer(STACK, "A stack is where its elements are removed in an order.")
    assert echo.overall < 4
    assert "stack" in echo.explanation["question_words_discounted"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I asked Priya for her reasons", "I asked Tom for his reasons"),
        (
            "She listened to me and he ran the experiment",
            "He listened to me and she ran the experiment",
        ),
        ("Mr. Okafor and I agreed", "Alexandra and I agreed"),
    ],
)
def test_a_name_or_pronoun_swap_changes_no_score(first, second):
    tail = ", then we tried a prototype to compare both designs and kept on good terms."
    one, two = score_answer(REVIEW, first + tail), score_answer(REVIEW, second + tail)
    assert one.as_dict() == two.as_dict()


def test_a_score_round_trips_through_json():
    score = score_answer(REVIEW, "We ran an experiment and I listened to their reasons.")
    assert AnswerScore.from_dict(json.loads(json.dumps(score.as_dict()))) == score


def test_weights_come_from_settings(settings):
    answer = "Last in, first out."
    default = score_answer(STACK, answer)
    settings.INTERVIEW_SCORE_WEIGHTS = {
        "relevance": 0.0,
        "completeness": 0.0,
        "accuracy": 0.0,
        "clarity": 1.0,
    }
    only_clarity = score_answer(STACK, answer)
    assert only_clarity.overall == only_clarity.clarity != default.overall
    assert only_clarity.explanation["weights"]["clarity"] == 1.0


_IN_A_NEW_PROCESS = """
import json, sys, django
django.setup()
from interviews.scoring import Rubric, score_answer
rubric = Rubric(**json.loads(sys.argv[1]))
print(json.dumps([score_answer(rubric, text).as_dict() for text in json.loads(sys.argv[2])]))
"""


def test_scores_are_identical_in_another_process():
    answers = ["Last in, first out.", STACK.gold_answer, "A queue, FIFO.", ""]
    rubric = {"question_text": STACK.question_text, "gold_answer": STACK.gold_answer}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _IN_A_NEW_PROCESS, json.dumps(rubric), json.dumps(answers)],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONHASHSEED": "random"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    here = [score_answer(STACK, text).as_dict() for text in answers]
    assert json.loads(result.stdout) == json.loads(json.dumps(here))


def test_key_points_are_proposed_from_a_gold_answer():
    points = propose_key_points(
        "An index is a separate data structure that lets the database find rows without "
        "scanning the whole table. It speeds up reads, but every insert and update must also "
        "update the index, so writes get slower; it also takes disk space."
    )
    texts = [point.text for point in points]
    assert 2 <= len(points) <= 5
    assert texts[0].startswith("An index is a separate data structure")
    assert "Writes get slower" in texts
    assert all(point.weight >= 1 for point in points)
    assert propose_key_points("") == []


def test_a_rubric_without_key_points_reports_the_proposed_ones():
    score = score_answer(STACK, "It is last in, first out.")
    assert score.explanation["key_points_proposed"] is True
    proposed = [point.text for point in propose_key_points(STACK.gold_answer)]
    assert sorted(score.matched_key_points + score.missing_key_points) == sorted(proposed)
    assert "Last in, first out (LIFO)" in score.matched_key_points
