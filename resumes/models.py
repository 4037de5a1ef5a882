import uuid

from django.conf import settings
from django.db import models

from core.durable import DurableKind
from gdpr.fields import EncryptedJSONField, EncryptedTextField


def stored_file_name(instance, filename: str) -> str:
    """A random name: nothing the user sent reaches the file system path."""
    return f"resumes/{uuid.uuid4().hex}.bin"


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word (DOCX)"
    DOC = "doc", "Word 97-2003 (DOC)"
    TXT = "txt", "Plain text"


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.DOC: "application/msword",
    FileKind.TXT: "text/plain; charset=utf-8",
}


class ResumeSource(models.TextChoices):
    UPLOAD = "upload", "Uploaded"
    ANALYSIS_FILE = "analysis_file", "File sent with an analysis"
    ANALYSIS_TEXT = "analysis_text", "Text pasted into an analysis"


class Resume(models.Model):
    """An uploaded resume: the original file (encrypted on disk), its text and parsed profile."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumes"
    )
    original_name = models.CharField(max_length=255)
    file_kind = models.CharField(max_length=8, choices=FileKind.choices)
    file_size = models.PositiveIntegerField()
    stored_file = models.FileField(upload_to=stored_file_name, max_length=200)
    source = models.CharField(
        max_length=16, choices=ResumeSource.choices, default=ResumeSource.UPLOAD
    )
    linkedin_url = models.URLField(blank=True)
    text = EncryptedTextField(blank=True, default="")
    parsed_data = EncryptedJSONField(null=True, blank=True)
    extraction_method = models.CharField(max_length=40, blank=True)
    page_count = models.PositiveSmallIntegerField(null=True, blank=True)
    last_score = models.PositiveSmallIntegerField(null=True, blank=True)
    last_analyzed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="resume_owner_recent")]

    def __str__(self):
        return self.original_name

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.file_kind]

    @property
    def is_parsed(self) -> bool:
        return self.parsed_data is not None


class AnalysisStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    EXTRACTING_TEXT = "extracting_text", "Extracting text"
    PARSING = "parsing", "Parsing"
    GENERATING_EMBEDDINGS = "generating_embeddings", "Generating embeddings"
    ANALYZING = "analyzing", "Analyzing"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


FINISHED_STATUSES = (AnalysisStatus.COMPLETED, AnalysisStatus.FAILED)
RUNNING_STATUSES = (
    AnalysisStatus.EXTRACTING_TEXT,
    AnalysisStatus.PARSING,
    AnalysisStatus.GENERATING_EMBEDDINGS,
    AnalysisStatus.ANALYZING,
)


class Analysis(models.Model):
    """One analysis job of a resume, optionally against a job; the result once completed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="analyses"
    )
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="analyses")
    # The job posting analysed against, when started from one (the jobs app owns postings).
    job_posting_id = models.PositiveBigIntegerField(null=True, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    # The job as analysed (title, description, required and preferred skills), kept as it was
    # when the analysis started so a retry or a later edit of the posting changes nothing.
    job_target = models.JSONField(null=True, blank=True)
    status = models.CharField(
        max_length=24, choices=AnalysisStatus.choices, default=AnalysisStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    current_step = models.CharField(max_length=200, blank=True)
    error_message = models.TextField(blank=True)
    result = EncryptedJSONField(null=True, blank=True)
    # Plain copies of two result values, for lists and sorting (the result is encrypted).
    overall_score = models.PositiveSmallIntegerField(null=True, blank=True)
    engine = models.CharField(max_length=20, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "analyses"
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="analysis_owner_recent"),
            models.Index(fields=["resume", "-created_at"], name="analysis_resume_recent"),
            # The sweeper's query: unfinished analyses by last progress; finished ones (nearly
            # all rows) stay out of the index.
            models.Index(
                fields=["updated_at"],
                name="analysis_unfinished",
                condition=~models.Q(status__in=FINISHED_STATUSES),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="analysis_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return f"Analysis {self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES


# A durable job (core.durable): `updated_at` is its heartbeat, set by every step.
ANALYSIS_JOBS = DurableKind(
    name="analysis",
    model=Analysis,
    task="resumes.tasks.run_analysis",
    queued=AnalysisStatus.QUEUED,
    running=RUNNING_STATUSES,
    failed=AnalysisStatus.FAILED,
    noun="analysis",
    heartbeat_field="updated_at",
    notify="resumes.progress.progress_publish",
    requeue_fields={"progress": 0, "current_step": "Interrupted; waiting for a worker"},
)


class Enhancement(models.Model):
    """Line-level suggestions for one resume and the owner's accept/reject decisions."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume_enhancements"
    )
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="enhancements")
    target_role = models.CharField(max_length=200, blank=True)
    job_target = models.JSONField(null=True, blank=True)
    suggestions = EncryptedJSONField(default=list)
    # {suggestion id: "accepted" | "rejected"}; ids are hashes, no personal data.
    decisions = models.JSONField(default=dict, blank=True)
    # {suggestion id: the person's own wording}, used instead of the proposal when accepted.
    edits = EncryptedJSONField(default=dict, blank=True)
    engine = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["resume", "-created_at"], name="enhancement_resume_recent")]

    def __str__(self):
        return f"Enhancement of {self.resume_id}"

    def accepted_ids(self) -> list[str]:
        return [key for key, decision in self.decisions.items() if decision == "accepted"]


class CoverLetterTone(models.TextChoices):
    PROFESSIONAL = "professional", "Professional"
    ENTHUSIASTIC = "enthusiastic", "Enthusiastic"
    CONCISE = "concise", "Concise"


class CoverLetter(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_letters"
    )
    resume = models.ForeignKey(
        Resume, on_delete=models.SET_NULL, null=True, blank=True, related_name="cover_letters"
    )
    job_title = models.CharField(max_length=200, blank=True)
    job_company = models.CharField(max_length=200, blank=True)
    tone = models.CharField(max_length=16, choices=CoverLetterTone.choices)
    letter = EncryptedJSONField()
    engine = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="letter_owner_recent")]

    def __str__(self):
        return f"Cover letter ({self.tone}) for {self.job_title or 'a job'}"
