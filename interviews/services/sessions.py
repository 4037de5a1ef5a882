"""Practice and screening sessions: start (questions fixed in a plan), answer one question at
a time (scored at once, integrity signals kept as evidence), complete (summary and
recommendation), delete; and a recruiter's screening invitation for an application."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ai.skills import extract_skills
from ats.selectors import application_get_managed
from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from interviews import rubric
from interviews.errors import (
    ApplicantHasNoAccount,
    NoStarterQuestions,
    NotEnoughApprovedQuestions,
    NothingAnswered,
    ScreeningAlreadyOpen,
    ScreeningNotDeletable,
    SessionCompleted,
    WrongQuestion,
)
from interviews.models import Answer, InterviewSession, SessionStatus, SessionType
from interviews.scoring.types import AnswerScore, Signal
from interviews.selectors import approved_questions_for_job
from interviews.tasks import send_screening_invitation
from jobs.models import Job

# How many other candidates' answers to one question are compared for near-duplicates.
DUPLICATE_WINDOW = 200
OPEN = (SessionStatus.INVITED, SessionStatus.IN_PROGRESS)


def session_start(
    *,
    user,
    session_type: str,
    job_role: str,
    difficulty: str,
    total_questions: int,
    job: Job | None = None,
    skills=(),
) -> InterviewSession:
    """A session whose questions come from the job's approved bank when it has one, else
    from the starter bank by the role's (or the job's) skills."""
    plan = _job_plan(job, total_questions) if job is not None else []
    if not plan:
        plan = _starter_plan(user, job_role, job, difficulty, total_questions, skills)
    return InterviewSession.objects.create(
        user=user,
        session_type=session_type,
        job_role=job_role or (job.title if job else ""),
        difficulty=difficulty,
        total_questions=len(plan),
        job=job,
        plan=plan,
        started_at=timezone.now(),
    )


def _job_plan(job: Job, count: int) -> list[dict]:
    return [rubric.plan_item(q) for q in approved_questions_for_job(job=job)[:count]]


def _starter_plan(user, job_role, job, difficulty, count, skills) -> list[dict]:
    wanted = list(skills) or extract_skills(job_role)
    if job is not None:
        wanted += [*job.required_skills, *job.preferred_skills]
    # A new draw per session of the same user: practice does not repeat itself.
    seed = InterviewSession.objects.filter(user=user).count()
    plan = rubric.starter_items(
        skills=list(dict.fromkeys(wanted)),
        role=job_role or None,
        difficulty=difficulty,
        limit=count,
        seed=seed,
    )
    if not plan:
        raise NoStarterQuestions()
    return plan


def session_next_question(*, session: InterviewSession) -> dict | None:
    """The plan item to answer now (None once all are answered); opening an invitation
    starts it."""
    if session.status == SessionStatus.COMPLETED:
        raise SessionCompleted()
    if session.status == SessionStatus.INVITED:
        InterviewSession.objects.filter(pk=session.pk, status=SessionStatus.INVITED).update(
            status=SessionStatus.IN_PROGRESS, started_at=timezone.now()
        )
        session.refresh_from_db(fields=["status", "started_at"])
    if session.questions_answered >= len(session.plan):
        return None
    return session.plan[session.questions_answered]


@transaction.atomic
def answer_submit(
    *,
    session: InterviewSession,
    question_id: str,
    answer_text: str,
    time_taken_seconds: int,
    paste_count: int = 0,
    tab_switches: int = 0,
) -> Answer:
    """Score the answer to the session's current question and keep it with its signals.

    WrongQuestion (400) when `question_id` is not the current question; SessionCompleted
    (409) after completion. The session row is locked, so a double submit scores once.
    """
    session = InterviewSession.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.COMPLETED:
        raise SessionCompleted()
    position = session.questions_answered
    if position >= len(session.plan) or session.plan[position]["id"] != str(question_id):
        raise WrongQuestion()
    item = session.plan[position]
    result = rubric.score_result(item, answer_text, time_taken_seconds=time_taken_seconds)
    signals = rubric.answer_signals(
        item,
        answer_text,
        time_taken_seconds=time_taken_seconds,
        paste_count=paste_count,
        tab_switches=tab_switches,
        other_answers=_others_answers(session, item["id"]),
    )
    answer = Answer.objects.create(
        session=session,
        position=position,
        question_id=item["id"],
        answer_text=answer_text,
        time_taken_seconds=time_taken_seconds,
        paste_count=paste_count,
        tab_switches=tab_switches,
        overall_score=result.overall,
        scores=rubric.scored_view(result)["scores"],
        result=result.as_dict(),
        sentiment=result.sentiment,
        integrity_signals=signals,
    )
    InterviewSession.objects.filter(pk=session.pk).update(
        questions_answered=F("questions_answered") + 1,
        status=SessionStatus.IN_PROGRESS,
        started_at=session.started_at or timezone.now(),
    )
    return answer


def _others_answers(session: InterviewSession, question_id: str) -> list[str]:
    """Recent answers of other people to the same question (near-duplicate evidence)."""
    answers = (
        Answer.objects.filter(question_id=question_id)
        .exclude(session__user_id=session.user_id)
        .order_by("-answered_at")
        .only("answer_text")[:DUPLICATE_WINDOW]
    )
    return [answer.answer_text for answer in answers]


def session_complete(*, session: InterviewSession) -> InterviewSession:
    """The summary, ratings, recommendation and integrity score; once (409 after that)."""
    answers = list(session.answers.order_by("position"))
    if session.status == SessionStatus.COMPLETED:
        raise SessionCompleted()
    if not answers:
        raise NothingAnswered()
    types = [session.plan[answer.position]["question_type"] for answer in answers]
    summary = rubric.summarize_session(
        [AnswerScore.from_dict(answer.result) for answer in answers], types
    )
    signals = [Signal(**signal) for answer in answers for signal in answer.integrity_signals]
    changed = InterviewSession.objects.filter(pk=session.pk, status__in=OPEN).update(
        status=SessionStatus.COMPLETED,
        completed_at=timezone.now(),
        average_score=summary.overall,
        technical_rating=summary.technical,
        communication_rating=summary.communication,
        confidence_rating=summary.confidence,
        recommendation=summary.recommendation,
        integrity_score=rubric.integrity_score(signals),
        summary=summary.as_dict(),
    )
    if not changed:
        raise SessionCompleted()
    session.refresh_from_db()
    return session


def session_delete(*, session: InterviewSession) -> None:
    """A practice session goes with its answers; a screening belongs to the application."""
    if session.session_type == SessionType.SCREENING:
        raise ScreeningNotDeletable()
    session.delete()


def screening_invite(
    *, user, application_id, total_questions: int, ip: str | None = None
) -> InterviewSession:
    """Invite the applicant of one of the user's jobs to answer the job's approved questions."""
    application = application_get_managed(user=user, application_id=application_id)
    if application.candidate_id is None:
        raise ApplicantHasNoAccount()
    job = application.job
    plan = _job_plan(job, total_questions)
    if not plan:
        raise NotEnoughApprovedQuestions()
    if InterviewSession.objects.filter(application=application, status__in=OPEN).exists():
        raise ScreeningAlreadyOpen()
    try:
        with transaction.atomic():
            session = InterviewSession.objects.create(
                user_id=application.candidate_id,
                session_type=SessionType.SCREENING,
                status=SessionStatus.INVITED,
                job_role=job.title,
                difficulty=plan[0]["difficulty"],
                total_questions=len(plan),
                job=job,
                application=application,
                invited_by=user,
                plan=plan,
            )
            audit_record(action="screening.invited", actor=user, target=session, ip=ip)
            outbox_enqueue(send_screening_invitation, str(session.pk))
    except IntegrityError as exc:  # another invitation at the same moment
        raise ScreeningAlreadyOpen() from exc
    return session
