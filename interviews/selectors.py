"""Who reads which questions, library entries and sessions, and the lists they see."""

from django.db.models import Avg, Count, Max, Q, QuerySet

from accounts.models import Role
from interviews.errors import QuestionNotFound, SavedQuestionNotFound, SessionNotFound
from interviews.models import Answer, InterviewSession, Question, QuestionStatus, SavedQuestion
from interviews.video.selectors import upcoming_meetings_for_candidate  # noqa: F401 - for pages
from jobs.errors import JobNotFound
from jobs.models import VECTOR_FIELDS, Job


def reviews_every_question(user) -> bool:
    """Domain experts and admins review the whole bank; recruiters see their own jobs'."""
    return user.has_role(Role.DOMAIN_EXPERT)


def questions_visible_to(*, user) -> QuerySet[Question]:
    """Every question for experts; a recruiter's own jobs' questions and those they wrote."""
    questions = Question.objects.select_related("job", "created_by", "approved_by")
    if reviews_every_question(user):
        return questions
    return questions.filter(Q(job__owner=user) | Q(job__isnull=True, created_by=user))


def question_get(*, user, question_id: int) -> Question:
    question = questions_visible_to(user=user).filter(pk=question_id).first()
    if question is None:
        raise QuestionNotFound()
    return question


def question_list(
    *,
    user,
    status: str = "",
    job_id: int | None = None,
    skill: str = "",
    question_type: str = "",
    difficulty: str = "",
) -> QuerySet[Question]:
    """The expert's queue and the bank, filtered; oldest draft first in the queue."""
    questions = questions_visible_to(user=user)
    if status:
        questions = questions.filter(status=status)
    if job_id is not None:
        questions = questions.filter(job_id=job_id)
    if question_type:
        questions = questions.filter(question_type=question_type)
    if difficulty:
        questions = questions.filter(difficulty=difficulty)
    if skill:
        # Skills are a short JSON list; containment is portable across SQLite and PostgreSQL.
        questions = questions.filter(skills__icontains=f'"{skill}"')
    order = ("created_at", "id") if status == QuestionStatus.DRAFT else ("-created_at", "-id")
    return questions.order_by(*order)


def job_for_questions(*, user, job_id: int) -> Job:
    """A job whose questions the user may write or read: experts any, recruiters their own."""
    jobs = Job.objects.defer(*VECTOR_FIELDS, "description")
    if not reviews_every_question(user):
        jobs = jobs.filter(owner=user)
    job = jobs.filter(pk=job_id).first()
    if job is None:
        raise JobNotFound()
    return job


def approved_questions_for_job(*, job: Job) -> QuerySet[Question]:
    return Question.objects.filter(job=job, status=QuestionStatus.APPROVED).order_by("id")


def library_for_user(
    *, user, category: str = "", difficulty: str = "", tags: tuple[str, ...] = ()
) -> QuerySet[SavedQuestion]:
    entries = SavedQuestion.objects.filter(owner=user)
    if category:
        entries = entries.filter(category=category)
    if difficulty:
        entries = entries.filter(difficulty=difficulty)
    for tag in tags:
        entries = entries.filter(tags__icontains=f'"{tag}"')
    return entries


def saved_question_get(*, user, saved_id: int) -> SavedQuestion:
    entry = SavedQuestion.objects.filter(owner=user, pk=saved_id).first()
    if entry is None:
        raise SavedQuestionNotFound()
    return entry


def sessions_of(*, user, status: str = "", session_type: str = "") -> QuerySet[InterviewSession]:
    sessions = InterviewSession.objects.filter(user=user).select_related("job")
    if status:
        sessions = sessions.filter(status=status)
    if session_type:
        sessions = sessions.filter(session_type=session_type)
    return sessions.defer("plan", "summary").order_by("-created_at")


def session_get(*, user, session_id) -> InterviewSession:
    """The user's own session; 404 for anyone else's."""
    session = InterviewSession.objects.filter(user=user, pk=session_id).first()
    if session is None:
        raise SessionNotFound()
    return session


def session_answers(*, session: InterviewSession):
    return session.answers.order_by("position")


def practice_stats(*, user) -> dict:
    """The user's practice totals, averages per dimension, and the trend of completed
    sessions. Screenings stay out: their scores are the employer's, not shown to the user."""
    sessions = InterviewSession.objects.filter(user=user).exclude(session_type="screening")
    totals = sessions.aggregate(
        total=Count("id"),
        completed=Count("id", filter=Q(status="completed")),
        average=Avg("average_score", filter=Q(status="completed")),
        best=Max("average_score"),
    )
    answers = Answer.objects.filter(session__in=sessions)
    answered = answers.aggregate(count=Count("id"), average=Avg("overall_score"))
    trend = list(
        sessions.filter(status="completed")
        .order_by("-completed_at")
        .values("id", "completed_at", "average_score", "session_type", "job_role")[:TREND_SIZE]
    )
    trend.reverse()
    return {
        "total_sessions": totals["total"],
        "completed_sessions": totals["completed"],
        "average_score": _rounded(totals["average"]),
        "best_score": _rounded(totals["best"]),
        "questions_answered": answered["count"],
        "average_answer_score": _rounded(answered["average"]),
        "average_by_dimension": _dimension_averages(answers),
        "trend": trend,
    }


TREND_SIZE = 20
DIMENSIONS = ("relevance", "completeness", "accuracy", "clarity")


def _dimension_averages(answers) -> dict[str, float | None]:
    """Averaged in Python: the per-dimension scores live in one JSON column per answer."""
    rows = list(answers.values_list("scores", flat=True))
    return {
        name: _rounded(sum(row[name] for row in rows) / len(rows)) if rows else None
        for name in DIMENSIONS
    }


def _rounded(value) -> float | None:
    return None if value is None else round(float(value), 1)
