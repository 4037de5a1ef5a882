"""Applications as the API reads and writes them.

Lists carry the applicant's name and a masked email only; decrypted contact details, the
cover letter and the profile appear in detail views. A candidate's own view of the history
shows the stages and when, never the recruiters' notes or who moved it.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ats.models import Application, ApplicationSource
from ats.services.applications import (
    APPLICANT_SOURCES,
    MAX_COVER_LETTER,
    MAX_EMAIL,
    MAX_NAME,
    MAX_PHONE,
)
from ats.stages import Stage, allowed_next
from core.api.validation import IdField

MAX_NOTE = 2_000


def mask_email(email: str) -> str:
    """`jane.doe@example.com` → `j***@example.com`: enough to tell applicants apart."""
    local, _, domain = (email or "").partition("@")
    if not domain:
        return "***"
    return f"{local[:1]}***@{domain}"


# --- Input ---------------------------------------------------------------------------------


class ApplySerializer(serializers.Serializer):
    """JSON with `resume_id` for a signed-in candidate; multipart with `file` otherwise."""

    resume_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="One of your stored resumes (signed in)."
    )
    file = serializers.FileField(
        required=False,
        allow_empty_file=True,
        help_text="PDF, DOCX, DOC or TXT; checked like a resume upload.",
    )
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_NAME, help_text="Anonymous only."
    )
    email = serializers.EmailField(
        required=False, allow_blank=True, max_length=MAX_EMAIL, help_text="Anonymous only."
    )
    phone = serializers.CharField(required=False, allow_blank=True, max_length=MAX_PHONE)
    cover_letter = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_COVER_LETTER, trim_whitespace=True
    )
    consent = serializers.BooleanField(
        default=False, help_text="Must be true: consent to processing the application."
    )
    source = serializers.ChoiceField(
        choices=ApplicationSource.choices, default=ApplicationSource.JOB_BOARD
    )

    def validate_source(self, value):
        if value not in APPLICANT_SOURCES:
            raise serializers.ValidationError(f"Choose one of: {', '.join(APPLICANT_SOURCES)}.")
        return value

    def validate(self, attrs):
        user = getattr(self.context.get("request"), "user", None)
        signed_in = user is not None and user.is_authenticated
        if attrs.get("resume_id") and attrs.get("file") is not None:
            raise serializers.ValidationError(
                {"resume_id": ["Give a resume_id or a file, not both."]}
            )
        if attrs.get("resume_id") and not signed_in:
            raise serializers.ValidationError(
                {"resume_id": ["Sign in to apply with a stored resume, or upload a file."]}
            )
        return attrs


class ApplicationUpdateSerializer(serializers.Serializer):
    """PATCH: the candidate withdraws; the job's recruiter moves it on."""

    stage = serializers.ChoiceField(choices=Stage.choices)
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_NOTE, trim_whitespace=True
    )

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {name: ["Only stage and note can be changed."] for name in unknown}
            )
        return attrs


class ApplicationListQuerySerializer(serializers.Serializer):
    """`?as=` is read beside these (a Python keyword cannot name a field)."""

    stage = serializers.ChoiceField(choices=Stage.choices, required=False)
    job_id = IdField(required=False, help_text="Recruiter list.")


class JobApplicationsQuerySerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, required=False)


# --- Output --------------------------------------------------------------------------------


class ApplicationJobSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    company = serializers.CharField(read_only=True)
    location = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    job_link = serializers.CharField(source="share_path", read_only=True)


class FitSerializer(serializers.Serializer):
    breakdown = serializers.DictField(child=serializers.FloatField(), read_only=True)
    matched_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    missing_required_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    missing_preferred_skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)


class ApplicationListSerializer(serializers.Serializer):
    """One row of a list: no decrypted contact details beyond the name."""

    id = serializers.UUIDField(read_only=True)
    job = ApplicationJobSerializer(read_only=True)
    applicant_name = serializers.CharField(read_only=True)
    applicant_email = serializers.SerializerMethodField(help_text="Masked: j***@example.com.")
    is_registered = serializers.SerializerMethodField(
        help_text="Whether a signed-in candidate applied (else an anonymous applicant)."
    )
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    stage_changed_at = serializers.DateTimeField(read_only=True)
    fit_score = serializers.IntegerField(read_only=True, allow_null=True)
    source = serializers.ChoiceField(choices=ApplicationSource.choices, read_only=True)
    created_at = serializers.DateTimeField(read_only=True)

    def get_applicant_email(self, application: Application) -> str:
        return mask_email(application.applicant_email)

    def get_is_registered(self, application: Application) -> bool:
        return application.candidate_id is not None


class ApplicantSerializer(serializers.Serializer):
    name = serializers.CharField(source="applicant_name", read_only=True)
    email = serializers.EmailField(source="applicant_email", read_only=True)
    phone = serializers.CharField(source="applicant_phone", read_only=True)


class ApplicationResumeSerializer(serializers.Serializer):
    """Which resume came with the application: a stored one (id) or an uploaded file."""

    id = serializers.UUIDField(read_only=True, allow_null=True)
    file_name = serializers.CharField(read_only=True)
    file_kind = serializers.CharField(read_only=True)

    def to_representation(self, application: Application):
        if application.resume_id is not None:
            resume = application.resume
            return {
                "id": str(application.resume_id),
                "file_name": resume.original_name if resume else "",
                "file_kind": resume.file_kind if resume else "",
            }
        return {
            "id": None,
            "file_name": application.resume_file_name,
            "file_kind": application.resume_file_kind,
        }


class CandidateHistorySerializer(serializers.Serializer):
    from_stage = serializers.CharField(read_only=True, help_text="Empty for the first row.")
    to_stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    at = serializers.DateTimeField(source="created_at", read_only=True)


class ActorSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class RecruiterHistorySerializer(CandidateHistorySerializer):
    note = serializers.CharField(read_only=True)
    actor = ActorSerializer(read_only=True, allow_null=True)


class _ApplicationDetailBase(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    job = ApplicationJobSerializer(read_only=True)
    applicant = ApplicantSerializer(source="*", read_only=True)
    resume = ApplicationResumeSerializer(source="*", read_only=True)
    cover_letter = serializers.CharField(read_only=True)
    source = serializers.ChoiceField(choices=ApplicationSource.choices, read_only=True)
    consent_at = serializers.DateTimeField(read_only=True)
    fit_score = serializers.IntegerField(read_only=True, allow_null=True)
    fit = FitSerializer(read_only=True, allow_null=True)
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True)
    stage_changed_at = serializers.DateTimeField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class CandidateApplicationSerializer(_ApplicationDetailBase):
    """The applicant's own view: their timeline without notes or who moved it."""

    view = serializers.SerializerMethodField()
    history = CandidateHistorySerializer(many=True, read_only=True, source="history.all")
    can_withdraw = serializers.SerializerMethodField()

    def get_view(self, application) -> str:
        return "candidate"

    def get_can_withdraw(self, application: Application) -> bool:
        return Stage.WITHDRAWN in allowed_next(application.stage)


class RecruiterApplicationSerializer(_ApplicationDetailBase):
    """The job owner's view: everything, with notes, who moved it and where it may go."""

    view = serializers.SerializerMethodField()
    candidate_id = serializers.IntegerField(read_only=True, allow_null=True)
    profile = serializers.SerializerMethodField(help_text="The parsed resume profile.")
    history = RecruiterHistorySerializer(many=True, read_only=True, source="history.all")
    allowed_stages = serializers.SerializerMethodField(
        help_text="Where the recruiter may move it (withdrawing is the candidate's)."
    )

    def get_view(self, application) -> str:
        return "recruiter"

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_profile(self, application: Application) -> dict | None:
        if application.resume_id is not None and application.resume is not None:
            return application.resume.parsed_data
        return application.resume_profile

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(Stage.choices)))
    def get_allowed_stages(self, application: Application) -> list[str]:
        return [stage for stage in allowed_next(application.stage) if stage != Stage.WITHDRAWN]


class ApplicationStatusSerializer(serializers.Serializer):
    applied = serializers.BooleanField(read_only=True)
    application_id = serializers.UUIDField(read_only=True, allow_null=True)
    stage = serializers.ChoiceField(choices=Stage.choices, read_only=True, allow_null=True)
