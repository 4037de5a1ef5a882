import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from gdpr.fields import EncryptedJSONField, EncryptedTextField


class QuestionType(models.TextChoices):
    TECHNICAL = "technical", "Technical"
    BEHAVIORAL = "behavioral", "Behavioral"
    SITUATIONAL = "situational", "Situational"
    PROBLEM_SOLVING = "problem_solving", "Problem solving"


class Difficulty(models.TextChoices):
    EASY = "easy", "Easy"
    MEDIUM = "medium", "Medium"
    HARD = "hard", "Hard"


class QuestionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    RETIRED = "retired", "Retired"


class QuestionSource(models.TextChoices):
    STARTER_BANK = "starter_bank", "Starter bank"
    TEMPLATE = "template", "Template"
    MODEL = "model", "Language model"
    MANUAL = "manual", "Written by hand"


class Question(models.Model):
    """A bank question with its rubric: the gold answer and weighted key points."""

    job = models.ForeignKey(
        "jobs.Job", on_delete=models.CASCADE, null=True, blank=True, related_name="questions"
    )
    text = models.TextField()
    question_type = models.CharField(max_length=20, choices=QuestionType.choices)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    skills = models.JSONField(default=list, blank=True)
    gold_answer = models.TextField()
    # [{"text", "weight", "alternatives": [..]}]; weights are the scorer's, never a model's.
    key_points = models.JSONField(default=list)
    expected_seconds = models.PositiveIntegerField(default=120)
    status = models.CharField(
        max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.DRAFT
    )
    rejection_reason = models.TextField(blank=True)
    source = models.CharField(max_length=16, choices=QuestionSource.choices)
    # Which engine wrote the words (local or gemini) and, for the starter bank, its item id.
    engine = models.CharField(max_length=20, blank=True)
    source_ref = models.CharField(max_length=80, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="question_status_recent"),
            models.Index(fields=["job", "status"], name="question_job_status"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def rubric_fields(self) -> dict:
        return {name: getattr(self, name) for name in VERSIONED_FIELDS}


# What a version keeps: everything that changes the question or how it is scored.
VERSIONED_FIELDS = (
    "text",
    "question_type",
    "difficulty",
    "skills",
    "gold_answer",
    "key_points",
    "expected_seconds",
)


class QuestionVersion(models.Model):
    """The question as it was after one write (creation or edit), kept for the history."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="question_version_once")
        ]

    def __str__(self) -> str:
        return f"Question {self.question_id} v{self.number}"


class SavedQuestion(models.Model):
    """A question in a person's own library, with the answer they prepared (encrypted: it is
    drawn from their resume)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_questions"
    )
    question = models.TextField()
    # The normalised question's hash: one copy of a question per library.
    question_key = models.CharField(max_length=64)
    answer = EncryptedTextField(blank=True, default="")
    category = models.CharField(max_length=20, choices=QuestionType.choices)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    tags = models.JSONField(default=list, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    company = models.CharField(max_length=200, blank=True)
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "question_key"], name="library_question_once")
        ]

    def __str__(self) -> str:
        return self.question[:80]


class SessionType(models.TextChoices):
    PRACTICE = "practice", "Practice"
    MOCK = "mock", "Mock interview"
    SCREENING = "screening", "Screening"


class SessionStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class Recommendation(models.TextChoices):
    SELECT = "select", "Select"
    NEXT_ROUND = "next_round", "Next round"
    REJECT = "reject", "Reject"


class InterviewSession(models.Model):
    """A practice or screening session: its questions fixed at the start, then answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_sessions"
    )
    session_type = models.CharField(max_length=10, choices=SessionType.choices)
    job_role = models.CharField(max_length=200)
    difficulty = models.CharField(max_length=8, choices=Difficulty.choices)
    total_questions = models.PositiveSmallIntegerField()
    questions_answered = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=12, choices=SessionStatus.choices, default=SessionStatus.IN_PROGRESS
    )
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    application = models.ForeignKey(
        "ats.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="screenings",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The questions with their rubrics as they were when the session began: a later edit of
    # the bank never changes how this session is scored.
    plan = models.JSONField(default=list)
    average_score = models.FloatField(null=True, blank=True)
    recommendation = models.CharField(max_length=10, choices=Recommendation.choices, blank=True)
    technical_rating = models.FloatField(null=True, blank=True)
    communication_rating = models.FloatField(null=True, blank=True)
    confidence_rating = models.FloatField(null=True, blank=True)
    integrity_score = models.FloatField(null=True, blank=True)
    summary = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="session_user_recent"),
            models.Index(fields=["user", "status"], name="session_user_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(application__isnull=False) & ~Q(status="completed"),
                name="one_open_screening_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session_type} {str(self.pk)[:8]} ({self.status})"


class Answer(models.Model):
    """One answer in a session, its scores and the integrity signals around it."""

    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question_id = models.CharField(max_length=40)
    answer_text = EncryptedTextField()
    time_taken_seconds = models.PositiveIntegerField()
    paste_count = models.PositiveIntegerField(default=0)
    tab_switches = models.PositiveIntegerField(default=0)
    overall_score = models.FloatField()
    scores = models.JSONField()
    result = EncryptedJSONField()
    sentiment = models.CharField(max_length=10)
    integrity_signals = models.JSONField(default=list, blank=True)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="one_answer_per_question")
        ]
        indexes = [models.Index(fields=["question_id"], name="answer_question")]

    def __str__(self) -> str:
        return f"Answer {self.position} of {self.session_id}"


class LivePhase(models.TextChoices):
    GREETING = "greeting", "Greeting"
    RESUME = "resume", "Your experience"
    FOLLOW_UP = "follow_up", "Follow-up"
    SCENARIO = "scenario", "Scenario"
    SCENARIO_FOLLOW_UP = "scenario_follow_up", "Scenario follow-up"


class LiveStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class LiveInterview(models.Model):
    """A live AI interview over the socket: five questions asked one after the other, each
    built when the previous answer is in, so the follow-ups can target what it missed.

    The questions (some quote the resume), the answers and the transcript are personal
    data and encrypted; status and counts stay plain because lists and the health check
    filter on them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_interviews"
    )
    status = models.CharField(
        max_length=12, choices=LiveStatus.choices, default=LiveStatus.IN_PROGRESS
    )
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    job_title = models.CharField(max_length=200, blank=True)
    job_description = models.TextField(blank=True)
    # The skills the scenario is drawn from, fixed at the start.
    skills = models.JSONField(default=list, blank=True)
    resume = models.ForeignKey(
        "resumes.Resume", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    application = models.ForeignKey(
        "ats.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="live_interviews",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    questions_asked = models.PositiveSmallIntegerField(default=0)
    questions_answered = models.PositiveSmallIntegerField(default=0)
    # Each asked question with its rubric: {id, phase, number, text, gold_answer, ...}.
    questions = EncryptedJSONField(default=list)
    # Each answer with its score: {question_id, text, time_taken_seconds, result}.
    answers = EncryptedJSONField(default=list)
    # The conversation as the candidate saw it: {role, kind, text, phase, number, at}.
    transcript = EncryptedJSONField(default=list)
    analysis = EncryptedJSONField(null=True, blank=True)
    overall_score = models.FloatField(null=True, blank=True)
    recommendation = models.CharField(max_length=10, choices=Recommendation.choices, blank=True)
    early_termination = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="live_user_recent"),
            models.Index(fields=["status"], name="live_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(application__isnull=False) & ~Q(status="completed"),
                name="one_open_live_interview_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"Live interview {str(self.pk)[:8]} ({self.status})"

    @property
    def current_question(self) -> dict | None:
        """The question asked and not yet answered, if any."""
        if self.status != LiveStatus.IN_PROGRESS or self.questions_answered >= len(self.questions):
            return None
        return self.questions[-1]


# The video meetings live in their own package; importing them here registers them with the app.
from interviews.video.models import (  # noqa: E402, F401
    MeetingProvider,
    MeetingRecording,
    MeetingStatus,
    VideoMeeting,
)
