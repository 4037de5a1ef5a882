from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q


class JobStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class JobType(models.TextChoices):
    FULL_TIME = "full_time", "Full-time"
    PART_TIME = "part_time", "Part-time"
    CONTRACT = "contract", "Contract"
    TEMPORARY = "temporary", "Temporary"
    INTERNSHIP = "internship", "Internship"
    FREELANCE = "freelance", "Freelance"


class WorkMode(models.TextChoices):
    ONSITE = "onsite", "On-site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class ExperienceLevel(models.TextChoices):
    """The same four levels a JobTarget read from a description uses."""

    ENTRY = "entry", "Entry level"
    MID = "mid", "Mid level"
    SENIOR = "senior", "Senior"
    LEAD = "lead", "Lead / principal"


class SalaryPeriod(models.TextChoices):
    YEAR = "year", "per year"
    MONTH = "month", "per month"
    HOUR = "hour", "per hour"


# Columns only matching and search read; lists and pages defer them.
VECTOR_FIELDS = ("vector", "search_vector")
# The source of postings written here; imported ones carry their feed's name.
OWN_SOURCE = "hirewise"


class Job(models.Model):
    """A job posting: written by a recruiter or imported from a feed."""

    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    job_type = models.CharField(max_length=16, choices=JobType.choices, default=JobType.FULL_TIME)
    work_mode = models.CharField(max_length=8, choices=WorkMode.choices, default=WorkMode.ONSITE)
    experience_level = models.CharField(max_length=8, choices=ExperienceLevel.choices, blank=True)
    department = models.CharField(max_length=100, blank=True)
    description = models.TextField()
    required_skills = models.JSONField(default=list, blank=True)
    preferred_skills = models.JSONField(default=list, blank=True)
    # Both lists casefolded, for the skills filter (a GIN index on PostgreSQL).
    skill_keys = models.JSONField(default=list, blank=True, editable=False)
    # True once a recruiter set the skills by hand: editing the description then keeps them.
    skills_edited = models.BooleanField(default=False)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True, default="USD")
    salary_period = models.CharField(
        max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.YEAR
    )
    salary_text = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=50, default=OWN_SOURCE)
    source_job_id = models.CharField(max_length=255, blank=True)
    apply_url = models.URLField(max_length=500, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    end_date = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=JobStatus.choices, default=JobStatus.OPEN)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
    )
    short_code = models.CharField(max_length=12, unique=True, editable=False)
    # Kept by a database trigger on PostgreSQL (migration 0002); always null on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # The text vector matching compares with a resume's (jobs.vectors), and its backend.
    vector = models.BinaryField(null=True, editable=False)
    vector_backend = models.CharField(max_length=16, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="jobs_status_created"),
            models.Index(fields=["status", "-posted_at"], name="jobs_status_posted"),
            models.Index(fields=["status", "title"], name="jobs_status_title"),
            models.Index(fields=["status", "salary_max"], name="jobs_status_salary"),
            models.Index(fields=["location"], name="jobs_location"),
            models.Index(fields=["job_type"], name="jobs_job_type"),
            models.Index(fields=["work_mode"], name="jobs_work_mode"),
            models.Index(fields=["experience_level"], name="jobs_experience_level"),
            models.Index(fields=["company"], name="jobs_company"),
            models.Index(fields=["owner", "status"], name="jobs_owner_status"),
            # Counting open jobs (every list page) and closing expired ones read only this.
            models.Index(fields=["status", "end_date"], name="jobs_status_end_date"),
            models.Index(fields=["updated_at"], name="jobs_updated_at"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_job_id"],
                condition=~Q(source_job_id=""),
                name="jobs_unique_source_job",
            ),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=F("salary_max")),
                name="jobs_salary_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} at {self.company}" if self.company else self.title

    @property
    def share_path(self) -> str:
        return f"/j/{self.short_code}"

    @property
    def is_remote(self) -> bool:
        return self.work_mode == WorkMode.REMOTE


class SavedJob(models.Model):
    """A job a user keeps for later; saving twice keeps one row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_jobs"
    )
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="saves")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "job"], name="jobs_saved_once_per_user")
        ]
        indexes = [models.Index(fields=["user", "-saved_at"], name="jobs_saved_user_recent")]

    def __str__(self) -> str:
        return f"{self.user} saved {self.job}"
