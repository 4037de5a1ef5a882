"""A person with data in every app: the subject of the erasure and export tests and of
bench/privacy.py.

Their email, name and phone are planted wherever a person's data can end up: the profile,
notifications, resume files and text, analyses, suggestions, cover letters, applications
(with an uploaded file, a recruiter's note and feedback about them), saved jobs, interview
answers, live interviews, video interviews, the question library, footprint scans, the audit
log, the admin's history, pending emails and a data export.

A new app (or model) that holds personal data adds its rows in a `plant_<app>` function
below (listed in PLANTERS); `test_erasure.py` fails until every model pointing at a user holds
a row of this person's.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import Role
from accounts.notifications import notification_send
from accounts.tasks import send_welcome_email
from accounts.tokens import token_pair
from core.outbox import outbox_enqueue
from footprint.models import FootprintScan, FootprintSharing
from gdpr.audit import audit_record
from gdpr.crypto import encrypt_bytes
from gdpr.export import export_build, export_request
from gdpr.models import AuditAction, ConsentRecord, RetentionSetting
from gdpr.tracker import open_request
from interviews.models import Answer, InterviewSession, LiveInterview, Question, SavedQuestion
from interviews.video.models import VideoMeeting
from resumes.models import AnalysisStatus, CoverLetter, Enhancement
from tests.accounts.factories import AdminFactory, RecruiterFactory, UserFactory
from tests.ats.factories import ApplicationFactory, ScorecardFactory
from tests.interviews.factories import QuestionFactory
from tests.jobs.factories import JobFactory, SavedJobFactory
from tests.resumes.factories import SAMPLE_RESUME, AnalysisFactory, ResumeFactory


@dataclass(frozen=True)
class Identity:
    name: str = "Zebulon Quargle"
    email: str = "zebulon.quargle@example.test"
    phone: str = "+44 7700 900461"

    @property
    def needles(self) -> list[str]:
        """What must not be found anywhere after erasure (the family name on its own too)."""
        return [self.email, self.name, self.name.split()[-1], self.phone]

    def resume_text(self) -> str:
        body = SAMPLE_RESUME.split("\n", 2)[2]
        return f"{self.name}\n{self.email} | {self.phone} | London, UK\n{body}"


PERSON = Identity()


def user_with_data_everywhere(identity: Identity = PERSON, *, resumes=1, applications=1):
    """Create the person (a recruiter who also applies for jobs) and their data everywhere."""
    user = UserFactory(
        role=Role.RECRUITER,
        name=identity.name,
        email=identity.email,
        phone=identity.phone,
        headline=f"Hiring lead — call {identity.phone}",
    )
    for plant in PLANTERS:
        plant(user, identity, resumes=resumes, applications=applications)
    return user


def plant_accounts(user, identity, **counts):
    admin = AdminFactory()
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message=f"Changed headline of {identity.name}",
    )
    outbox_enqueue(send_welcome_email, user.pk)  # an email still waiting to go
    token_pair(user)  # signed in on a device
    notification_send(user_id=user.pk, kind="stage", text="Your application moved on.")
    # Someone else's notification about the person.
    notification_send(
        user_id=admin.pk, kind="application.received", text=f"New application from {identity.name}"
    )


def plant_resumes(user, identity, *, resumes, **counts):
    for _ in range(resumes):
        resume = ResumeFactory(owner=user, text=identity.resume_text(), name=f"{identity.name}.txt")
        AnalysisFactory(
            resume=resume,
            status=AnalysisStatus.COMPLETED,
            result={"review": {"summary": f"{identity.name} writes clearly."}},
        )
        Enhancement.objects.create(
            owner=user, resume=resume, suggestions=[{"id": "a1", "text": identity.email}]
        )
        CoverLetter.objects.create(
            owner=user, resume=resume, tone="concise", letter={"body": f"Regards, {identity.name}"}
        )


def plant_jobs(user, identity, **counts):
    SavedJobFactory(user=user)
    JobFactory(owner=user, title="Platform engineer")


def plant_ats(user, identity, *, applications, **counts):
    resume = user.resumes.first()
    recruiter = RecruiterFactory()
    for _ in range(applications):
        application = ApplicationFactory(
            job=JobFactory(owner=recruiter),
            resume=resume,
            candidate=user,
            applicant_phone=identity.phone,
            cover_letter=f"I am {identity.name}; write to {identity.email}.",
            resume_text=identity.resume_text(),
            resume_profile={"personal_info": {"name": identity.name, "email": identity.email}},
            resume_file_name=f"{identity.name}.txt",
        )
        application.resume_file.save(
            "upload.bin", ContentFile(encrypt_bytes(identity.resume_text().encode()))
        )
        application.history.update(note=f"Phoned {identity.name} on {identity.phone}")
        ScorecardFactory(application=application, author=recruiter, notes=f"{identity.name} ok")
    # Feedback the person wrote as a reviewer, on someone else's application.
    ScorecardFactory(author=user, application=ApplicationFactory(job=JobFactory(owner=user)))


def plant_interviews(user, identity, **counts):
    QuestionFactory(job=JobFactory(owner=user), created_by=user, edited_by=user)
    session = InterviewSession.objects.create(
        user=user,
        session_type="practice",
        job_role="Backend engineer",
        difficulty="medium",
        total_questions=1,
        plan=[{"text": "Introduce yourself.", "id": "q1"}],
        started_at=timezone.now(),
    )
    Answer.objects.create(
        session=session,
        position=0,
        question_id="q1",
        answer_text=f"I am {identity.name}.",
        time_taken_seconds=30,
        overall_score=6.0,
        scores={"relevance": 6},
        result={"feedback": [f"{identity.name} answered well."]},
        sentiment="positive",
    )
    LiveInterview.objects.create(
        user=user,
        job_title="Backend engineer",
        resume=user.resumes.first(),
        transcript=[{"role": "candidate", "text": f"Hello, I am {identity.name}."}],
        answers=[{"answer": f"Call me on {identity.phone}."}],
    )
    SavedQuestion.objects.create(
        owner=user,
        question="Introduce yourself.",
        question_key="intro",
        answer=f"My name is {identity.name}, reach me at {identity.phone}.",
        category="behavioral",
        difficulty="easy",
    )
    assert Question.objects.filter(created_by=user).exists()
    plant_meetings(user)


def plant_meetings(user):
    """A video interview of the person's application (with a recording of them), and one
    they organise and sit in on for their own job."""
    starts_at = timezone.now() + timedelta(days=2)
    theirs = VideoMeeting.objects.create(
        application=user.applications.first(),
        title="Interview: Backend engineer",
        provider="zoom",
        external_id="85000000001",
        join_url="https://zoom.test/j/85000000001",
        starts_at=starts_at,
        duration_minutes=45,
    )
    theirs.recordings.create(external_id="rec-1", play_url="https://zoom.test/rec/play/1")
    own = VideoMeeting.objects.create(
        application=ApplicationFactory(job=JobFactory(owner=user)),
        organizer=user,
        title="Interview: Platform engineer",
        provider="jitsi",
        join_url="https://meet.jit.si/Hirewise-planted",
        starts_at=starts_at,
        duration_minutes=30,
    )
    own.interviewers.add(user)


def plant_gdpr(user, identity, **counts):
    audit_record(action=AuditAction.AUTH_LOGIN, actor=user, target=user, ip="203.0.113.7")
    # Metadata must never name a person; erasure still scrubs it should one slip in.
    audit_record(
        action=AuditAction.ACCOUNT_PROFILE_UPDATED,
        actor=user,
        target=user,
        metadata={"by_mistake": identity.email},
    )
    ConsentRecord.objects.create(
        user=user, purpose="talent_pool", granted=True, text_version="1", text_sha256="0" * 64
    )
    RetentionSetting.objects.create(kind=f"test_{user.pk}", days=30, updated_by=user)
    open_request(kind="export", user=user)
    export = export_request(user=user)
    export_build(export_id=str(export.pk))  # a ready zip, full of the person's data


def plant_footprint(user, identity, **counts):
    FootprintScan.objects.create(
        owner=user,
        github_username="zquargle",
        status="completed",
        github_analysis={"profile": {"name": identity.name, "email": identity.email}},
        privacy_report={"exposed": [{"field": "email", "value": identity.email}]},
    )
    FootprintSharing.objects.create(user=user, share_with_recruiters=True)


PLANTERS = [
    plant_accounts,
    plant_resumes,
    plant_jobs,
    plant_ats,
    plant_interviews,
    plant_footprint,
    plant_gdpr,
]
