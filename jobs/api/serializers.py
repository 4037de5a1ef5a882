from collections.abc import Mapping

from django.core.validators import URLValidator
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.pagination import PagePagination
from jobs.filters import (
    JOB_TYPE_ALIASES,
    LEVEL_ALIASES,
    MAX_SKILL_LENGTH,
    WORK_MODE_ALIASES,
    AliasChoiceField,
    JobFiltersSerializer,
)
from jobs.models import (
    VECTOR_FIELDS,
    ExperienceLevel,
    Job,
    JobStatus,
    JobType,
    SavedJob,
    WorkMode,
)
from resumes.job_targets import MIN_JOB_DESCRIPTION

MAX_DESCRIPTION_LENGTH = 50_000
MAX_SKILLS = 50


class OwnerSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class JobSerializer(serializers.ModelSerializer):
    """A posting as read: every stored field but its vectors, with its links and owner.

    `is_saved` comes from `context["saved_ids"]` (one query per page) when given.
    """

    owner = OwnerSerializer(read_only=True, allow_null=True)
    job_link = serializers.CharField(source="share_path", read_only=True, help_text="/j/<code>")
    share_url = serializers.SerializerMethodField(help_text="The share link, absolute.")
    is_remote = serializers.BooleanField(read_only=True)
    is_saved = serializers.SerializerMethodField(
        help_text="Whether the caller saved this job; null for anonymous visitors."
    )

    class Meta:
        model = Job
        exclude = VECTOR_FIELDS

    def get_share_url(self, job: Job) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(job.share_path) if request else job.share_path

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_is_saved(self, job: Job) -> bool | None:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        saved_ids = self.context.get("saved_ids")
        if saved_ids is None:
            return job.saves.filter(user=user).exists()
        return job.pk in saved_ids


class SavedJobSerializer(serializers.ModelSerializer):
    job = JobSerializer(read_only=True)

    class Meta:
        model = SavedJob
        fields = ("job", "saved_at")


class JobSearchSerializer(JobFiltersSerializer):
    """The search body: the list's filters, and the page to return."""

    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(
        required=False, min_value=1, max_value=PagePagination.max_page_size
    )


def _skills_field():
    return serializers.ListField(
        child=serializers.CharField(max_length=MAX_SKILL_LENGTH),
        required=False,
        max_length=MAX_SKILLS,
        help_text="Skill names; given, they are kept as written (canonical names where known).",
    )


# A client may send back a job as it read it: fields only read are ignored, not refused.
READ_FIELDS = frozenset(JobSerializer().fields)


class JobWriteSerializer(serializers.ModelSerializer):
    """A posting as written by a recruiter (create, PUT, PATCH) or read from an import row."""

    job_type = AliasChoiceField(JobType.choices, JOB_TYPE_ALIASES, required=False)
    work_mode = AliasChoiceField(WorkMode.choices, WORK_MODE_ALIASES, required=False)
    experience_level = AliasChoiceField(
        ExperienceLevel.choices, LEVEL_ALIASES, required=False, allow_blank=True
    )
    description = serializers.CharField(
        min_length=MIN_JOB_DESCRIPTION, max_length=MAX_DESCRIPTION_LENGTH
    )
    required_skills = _skills_field()
    preferred_skills = _skills_field()
    salary_currency = serializers.RegexField(
        r"^[A-Za-z]{3}$",
        required=False,
        allow_blank=True,
        error_messages={"invalid": "Use a three-letter currency code, such as USD."},
    )
    apply_url = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    status = AliasChoiceField(JobStatus.choices, {}, required=False)
    skills_from_description = serializers.BooleanField(
        required=False,
        write_only=True,
        help_text="true: read the skills from the description again (undoes hand edits).",
    )

    class Meta:
        model = Job
        fields = (
            "title",
            "company",
            "location",
            "job_type",
            "work_mode",
            "experience_level",
            "department",
            "description",
            "required_skills",
            "preferred_skills",
            "salary_min",
            "salary_max",
            "salary_currency",
            "salary_period",
            "salary_text",
            "apply_url",
            "end_date",
            "status",
            "skills_from_description",
        )
        extra_kwargs = {"salary_min": {"min_value": 0}, "salary_max": {"min_value": 0}}

    refuses_unknown_fields = True

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(
                str(key) for key in data if key not in self.fields and key not in READ_FIELDS
            )
            if unknown:
                raise serializers.ValidationError({key: ["Unknown field."] for key in unknown})
        return super().to_internal_value(data)

    def validate_title(self, value):
        return " ".join(value.split())

    def validate_description(self, value):
        if len(value.strip()) < MIN_JOB_DESCRIPTION:
            raise serializers.ValidationError(
                f"Give at least {MIN_JOB_DESCRIPTION} characters of the job description."
            )
        return value

    def validate_salary_currency(self, value):
        return value.upper()

    def validate_end_date(self, value):
        if value is not None and self.instance is None and value <= timezone.now():
            raise serializers.ValidationError("The end date must be in the future.")
        return value

    def validate(self, attrs):
        low = attrs.get("salary_min", getattr(self.instance, "salary_min", None))
        high = attrs.get("salary_max", getattr(self.instance, "salary_max", None))
        if low is not None and high is not None and low > high:
            field = "salary_max" if "salary_max" in attrs else "salary_min"
            raise serializers.ValidationError({field: ["The maximum salary is below the minimum."]})
        if attrs.get("skills_from_description") and (
            "required_skills" in attrs or "preferred_skills" in attrs
        ):
            raise serializers.ValidationError(
                {"skills_from_description": ["Give skills or ask to read them, not both."]}
            )
        return attrs
