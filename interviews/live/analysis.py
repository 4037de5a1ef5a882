"""The analysis of a finished live interview, in the AI Interview Platform's field names.

Every answer is scored by the deterministic scorer (`interviews.scoring`); the session
summary gives overall, technical and communication, strengths, areas and the
recommendation. Two ratings are the live interview's own:
* problem_solving: the mean of (completeness + accuracy) / 2 over the scenario answers;
* cultural_fit: the greeting answer's relevance and clarity (what draws the candidate to
  the role, said clearly), 0.6 x relevance + 0.4 x clarity.
A phase without an answer (ended early) leaves its rating at 0.
"""

from interviews import rubric
from interviews.live.phases import QUESTION_TYPES
from interviews.models import LivePhase
from interviews.scoring.types import AnswerScore

SCENARIO_PHASES = (LivePhase.SCENARIO, LivePhase.SCENARIO_FOLLOW_UP)


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values) + 1e-9, 1) if values else 0.0


def analyse(questions: list[dict], answers: list[dict]) -> dict:
    """overall, technical, communication, problem_solving and cultural_fit scores (0-10),
    strengths, areas_for_improvement, overall_feedback and recommendation."""
    phases = {question["id"]: question["phase"] for question in questions}
    scored = [
        (phases[answer["question_id"]], AnswerScore.from_dict(answer["result"]))
        for answer in answers
    ]
    summary = rubric.summarize_session(
        [score for _, score in scored], [QUESTION_TYPES[phase] for phase, _ in scored]
    )
    scenario = [
        (s.completeness + s.accuracy) / 2 for phase, s in scored if phase in SCENARIO_PHASES
    ]
    greeting = [
        0.6 * s.relevance + 0.4 * s.clarity for phase, s in scored if phase == LivePhase.GREETING
    ]
    return {
        "overall_score": summary.overall,
        "technical_score": summary.technical if scored else 0.0,
        "communication_score": summary.communication,
        "problem_solving_score": _mean(scenario),
        "cultural_fit_score": _mean(greeting),
        "confidence_score": summary.confidence,
        "strengths": summary.strengths,
        "areas_for_improvement": summary.areas_for_improvement,
        "overall_feedback": " ".join(summary.feedback),
        "recommendation": summary.recommendation,
        "answers": [
            {"question_id": answer["question_id"], **rubric.scored_view(score)}
            for answer, (_, score) in zip(answers, scored, strict=True)
        ],
    }
