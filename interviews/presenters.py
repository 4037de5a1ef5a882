"""Sessions and answers as the API and pages show them, to their owner or to a recruiter.

A screening candidate sees their questions and answers but no scores, key points or
recommendation: those judge them against the employer's rubric and go to the recruiter.
Integrity signals are shown to recruiters only, as evidence.
"""

from interviews.models import Answer, InterviewSession, SessionType


def hides_scores(session: InterviewSession, *, for_owner: bool) -> bool:
    return for_owner and session.session_type == SessionType.SCREENING


def question_view(item: dict, answered: int) -> dict:
    """A plan item without its gold answer and key points."""
    return {
        "id": item["id"],
        "text": item["text"],
        "question_type": item["question_type"],
        "difficulty": item["difficulty"],
        "skills": item["skills"],
        "expected_seconds": item["expected_seconds"],
        "position": answered + 1,
    }


def answer_view(answer: Answer, *, session: InterviewSession, for_owner: bool) -> dict:
    hidden = hides_scores(session, for_owner=for_owner)
    result = answer.result
    view = {
        "answer_id": answer.pk,
        "position": answer.position + 1,
        "question_id": answer.question_id,
        "question": session.plan[answer.position]["text"],
        "answer_text": answer.answer_text,
        "time_taken_seconds": answer.time_taken_seconds,
        "scores": None if hidden else answer.scores,
        "matched_key_points": [] if hidden else result["matched_key_points"],
        "missing_key_points": [] if hidden else result["missing_key_points"],
        "feedback": [] if hidden else result["feedback"],
        "model_answer": None if hidden else result["model_answer"],
        "sentiment": None if hidden else answer.sentiment,
        "questions_answered": answer.position + 1,
        "total_questions": session.total_questions,
        "is_last": answer.position + 1 >= session.total_questions,
        "answered_at": answer.answered_at,
    }
    if not for_owner:
        view |= {"paste_count": answer.paste_count, "tab_switches": answer.tab_switches}
        view["integrity_signals"] = answer.integrity_signals
    return view


def session_view(session: InterviewSession, *, answers: list | None, for_owner: bool) -> dict:
    hidden = hides_scores(session, for_owner=for_owner)
    completed = session.average_score is not None and not hidden
    view = {
        "id": session.pk,
        "session_type": session.session_type,
        "job_role": session.job_role,
        "job_id": session.job_id,
        "difficulty": session.difficulty,
        "status": session.status,
        "total_questions": session.total_questions,
        "questions_answered": session.questions_answered,
        "average_score": session.average_score if completed else None,
        "recommendation": (session.recommendation or None) if completed else None,
        "ratings": _ratings(session) if completed else None,
        "created_at": session.created_at,
        "started_at": session.started_at,
        "completed_at": session.completed_at,
    }
    if answers is not None:
        view["summary"] = None if hidden else session.summary
        view["answers"] = [
            answer_view(answer, session=session, for_owner=for_owner) for answer in answers
        ]
    if not for_owner:
        view["integrity_score"] = session.integrity_score
    return view


def _ratings(session: InterviewSession) -> dict:
    return {
        "technical": session.technical_rating,
        "communication": session.communication_rating,
        "confidence": session.confidence_rating,
    }


def live_exchanges(interview) -> list[dict]:
    """Each asked question with its answer and scores, in order (for both results pages)."""
    answers = {answer["question_id"]: answer for answer in interview.answers}
    scored = {item["question_id"]: item for item in (interview.analysis or {}).get("answers", [])}
    return [
        {
            "number": question["number"],
            "phase": question["phase"],
            "question": question["text"],
            "answer": answers.get(question["id"], {}).get("text"),
            "scored": scored.get(question["id"]),
        }
        for question in interview.questions
    ]
