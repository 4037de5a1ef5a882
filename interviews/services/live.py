"""The live AI interview: start it (from a job or a description and one's own resume, or
from a recruiter's invitation), answer the current question, end it, and the recruiter's
invitation and the owner's deletion.

Every write locks the interview row and saves the transcript with it, so a message is never
half-recorded and two tabs answering at once score one answer. The next question is built
and stored before it is sent: a client that reconnects is sent that stored question again.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from ai.skills import extract_skills
from ats.selectors import application_get_managed
from core.consent import acting_for
from core.errors import InvalidInput
from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from gdpr.models import AuditAction
from interviews import rubric
from interviews.errors import (
    ApplicantHasNoAccount,
    LiveInterviewAlreadyOpen,
    LiveInterviewAlreadyStarted,
    LiveInterviewFinished,
    LiveInterviewNotDeletable,
    LiveInterviewNotFound,
    LiveInterviewNotStarted,
    LiveResumeNotFound,
    ResumeNotParsed,
    WrongQuestion,
)
from interviews.live.analysis import analyse
from interviews.live.phases import INSTRUCTIONS, TOTAL_QUESTIONS, phase_after
from interviews.live.questions import InterviewContext, build_question
from interviews.models import LiveInterview, LiveStatus
from interviews.tasks import send_live_interview_invitation
from jobs.errors import JobNotFound
from jobs.models import Job
from jobs.selectors import job_get_saved_or_visible
from resumes.models import Resume

OPEN = (LiveStatus.INVITED, LiveStatus.IN_PROGRESS)
MAX_TITLE_FROM_DESCRIPTION = 80


@dataclass(frozen=True)
class Start:
    """What `initialize_interview` asks for, validated by the caller's parser."""

    job_id: int | None = None
    job_title: str = ""
    job_description: str = ""
    resume_id: str | None = None
    invitation_id: str | None = None


def live_get(*, user, interview_id) -> LiveInterview:
    """The user's own live interview; LiveInterviewNotFound for anything else."""
    interview = LiveInterview.objects.filter(pk=interview_id, user=user).first()
    if interview is None:
        raise LiveInterviewNotFound()
    return interview


def _locked(user, interview_id) -> LiveInterview:
    interview = LiveInterview.objects.select_for_update().filter(pk=interview_id, user=user).first()
    if interview is None:
        raise LiveInterviewNotFound()
    return interview


def _entry(role: str, kind: str, text: str, question: dict | None = None) -> dict:
    entry = {"role": role, "kind": kind, "text": text, "at": timezone.now().isoformat()}
    if question is not None:
        entry.update(phase=question["phase"], number=question["number"])
    return entry


def _context(interview: LiveInterview) -> InterviewContext:
    profile = interview.resume.parsed_data if interview.resume_id else None
    if profile is None and interview.application_id:
        profile = interview.application.resume_profile
    return InterviewContext(
        job_title=interview.job_title,
        skills=list(interview.skills),
        profile=profile or {},
        seed=interview.user_id,
    )


def _ask_next(interview: LiveInterview) -> dict | None:
    """Build, store and return the next phase's question (None after the last phase)."""
    asked = interview.questions
    phase = phase_after(asked[-1]["phase"] if asked else None)
    if phase is None:
        return None
    # A socket is no request: name whose data this is, so a withdrawn consent to outside
    # AI processing keeps the wording local.
    with acting_for(interview.user_id):
        question = build_question(phase, _context(interview), asked, interview.answers)
    interview.questions = [*asked, question]
    interview.questions_asked = len(interview.questions)
    interview.transcript = [
        *interview.transcript,
        _entry("interviewer", "question", question["text"], question),
    ]
    return question


# --- Starting --------------------------------------------------------------------------------


def _job_and_skills(user, start: Start) -> tuple[Job | None, str, list[str]]:
    if start.job_id is not None:
        try:
            job = job_get_saved_or_visible(user=user, job_id=start.job_id)
        except JobNotFound as exc:
            raise InvalidInput({"job_id": ["No job you can see has this id."]}) from exc
        skills = [*job.required_skills, *job.preferred_skills] or extract_skills(job.description)
        return job, job.title, list(dict.fromkeys(skills))
    skills = extract_skills(f"{start.job_title}\n{start.job_description}")
    return None, start.job_title or _title_from(start.job_description), skills


def _title_from(description: str) -> str:
    """A description's first line when it is short enough to be its title."""
    first = next((line.strip() for line in description.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= MAX_TITLE_FROM_DESCRIPTION else "General"


def _own_resume(user, resume_id) -> Resume:
    resume = Resume.objects.filter(owner=user, pk=resume_id).first()
    if resume is None:
        raise LiveResumeNotFound()
    if resume.parsed_data is None:
        raise ResumeNotParsed()
    return resume


def _begin(interview: LiveInterview) -> dict:
    """Mark the interview started, record the welcome and ask the first question."""
    interview.status = LiveStatus.IN_PROGRESS
    interview.started_at = timezone.now()
    interview.transcript = [
        *interview.transcript,
        _entry("interviewer", "welcome", " ".join(INSTRUCTIONS)),
    ]
    question = _ask_next(interview)
    interview.save()
    return question


@transaction.atomic
def live_initialize(*, user, interview_id, start: Start) -> tuple[LiveInterview, dict]:
    """Start a new interview (no `interview_id`) or the invited one; (interview, question).

    An invitation is started by its id (`interview_id` from the socket, or `invitation_id`);
    a new interview needs a job (`job_id`) or a description, and one of the user's parsed
    resumes.
    """
    invited_id = interview_id or start.invitation_id
    if invited_id is not None:
        interview = _locked(user, invited_id)
        if interview.status == LiveStatus.COMPLETED:
            raise LiveInterviewFinished()
        if interview.status == LiveStatus.IN_PROGRESS:
            raise LiveInterviewAlreadyStarted()
        if start.resume_id:
            interview.resume = _own_resume(user, start.resume_id)
        return interview, _begin(interview)
    if not start.resume_id:
        raise InvalidInput({"resume_id": ["Choose one of your resumes."]})
    resume = _own_resume(user, start.resume_id)
    job, title, skills = _job_and_skills(user, start)
    interview = LiveInterview.objects.create(
        user=user,
        job=job,
        job_title=title[:200],
        job_description="" if job else start.job_description,
        skills=skills,
        resume=resume,
    )
    return interview, _begin(interview)


# --- Answering and ending ---------------------------------------------------------------------


@dataclass(frozen=True)
class Answered:
    interview: LiveInterview
    answered: dict
    next_question: dict | None


@transaction.atomic
def live_answer(
    *, user, interview_id, question_id: str | None, answer_text: str, time_taken_seconds: int
) -> Answered:
    """Score the answer to the current question (`question_id`, when given, must name it),
    then ask the next one, or complete the interview after the last."""
    interview = _locked(user, interview_id)
    if interview.status == LiveStatus.INVITED:
        raise LiveInterviewNotStarted()
    question = interview.current_question
    if question is None:
        raise LiveInterviewFinished()
    if question_id is not None and question["id"] != question_id:
        raise WrongQuestion(
            f"The current question is {question['id']!r}; answer that one (it is sent again "
            "when you reconnect)."
        )
    result = rubric.score_result(question, answer_text, time_taken_seconds=time_taken_seconds)
    interview.answers = [
        *interview.answers,
        {
            "question_id": question["id"],
            "text": answer_text,
            "time_taken_seconds": time_taken_seconds,
            "result": result.as_dict(),
        },
    ]
    interview.questions_answered = len(interview.answers)
    interview.transcript = [
        *interview.transcript,
        _entry("candidate", "answer", answer_text, question),
    ]
    following = _ask_next(interview)
    if following is None:
        _complete(interview, early=False)
    interview.save()
    return Answered(interview=interview, answered=question, next_question=following)


def _complete(interview: LiveInterview, *, early: bool) -> None:
    analysis = analyse(interview.questions, interview.answers)
    interview.status = LiveStatus.COMPLETED
    interview.completed_at = timezone.now()
    interview.early_termination = early
    interview.analysis = analysis
    interview.overall_score = analysis["overall_score"]
    interview.recommendation = analysis["recommendation"]
    interview.transcript = [
        *interview.transcript,
        _entry("interviewer", "completed", analysis["overall_feedback"]),
    ]
    audit_record(
        action=AuditAction.LIVE_INTERVIEW_COMPLETED, actor=interview.user, target=interview
    )


@transaction.atomic
def live_end(*, user, interview_id) -> LiveInterview:
    """End early: the answers given so far are analysed (an unanswered question is dropped)."""
    interview = _locked(user, interview_id)
    if interview.status == LiveStatus.COMPLETED:
        raise LiveInterviewFinished()
    if interview.status == LiveStatus.INVITED:
        raise LiveInterviewNotStarted()
    interview.transcript = [*interview.transcript, _entry("candidate", "ended", "")]
    _complete(interview, early=interview.questions_answered < TOTAL_QUESTIONS)
    interview.save()
    return interview


# --- Reading ---------------------------------------------------------------------------------


def live_progress(interview: LiveInterview) -> dict:
    """status, questions_asked, total_questions and progress_percentage (asked of five)."""
    return {
        "session_id": interview.pk,
        "status": interview.status,
        "current_phase": interview.questions[-1]["phase"] if interview.questions else None,
        "questions_asked": interview.questions_asked,
        "questions_answered": interview.questions_answered,
        "total_questions": TOTAL_QUESTIONS,
        "progress_percentage": round(100 * interview.questions_asked / TOTAL_QUESTIONS, 1),
        "has_feedback": interview.analysis is not None,
    }


def live_active_count() -> int:
    return LiveInterview.objects.filter(status=LiveStatus.IN_PROGRESS).count()


# --- The recruiter's invitation and the owner's deletion --------------------------------------


def live_invite(*, user, application_id, ip: str | None = None) -> LiveInterview:
    """Invite the applicant of one of the user's jobs to a live interview for that job."""
    application = application_get_managed(user=user, application_id=application_id)
    if application.candidate_id is None:
        raise ApplicantHasNoAccount()
    if LiveInterview.objects.filter(application=application, status__in=OPEN).exists():
        raise LiveInterviewAlreadyOpen()
    job = application.job
    skills = [*job.required_skills, *job.preferred_skills] or extract_skills(job.description)
    try:
        with transaction.atomic():
            interview = LiveInterview.objects.create(
                user_id=application.candidate_id,
                status=LiveStatus.INVITED,
                job=job,
                job_title=job.title,
                skills=list(dict.fromkeys(skills)),
                resume_id=application.resume_id,
                application=application,
                invited_by=user,
            )
            audit_record(
                action=AuditAction.LIVE_INTERVIEW_INVITED, actor=user, target=interview, ip=ip
            )
            outbox_enqueue(send_live_interview_invitation, str(interview.pk))
    except IntegrityError as exc:  # another invitation at the same moment
        raise LiveInterviewAlreadyOpen() from exc
    return interview


@transaction.atomic
def live_delete(*, user, interview_id, ip: str | None = None) -> None:
    """The owner deletes an interview they started; an invited one belongs to the application."""
    interview = _locked(user, interview_id)
    if interview.application_id is not None:
        raise LiveInterviewNotDeletable()
    audit_record(action=AuditAction.LIVE_INTERVIEW_DELETED, actor=user, target=interview, ip=ip)
    interview.delete()
