from rest_framework import serializers

from core.api.validation import IdField
from resumes.cover_letters import LETTER_FORMATS
from resumes.exports import EXPORT_FORMATS
from resumes.job_targets import MIN_JOB_DESCRIPTION
from resumes.models import AnalysisStatus, CoverLetterTone, FileKind
from resumes.rendering import RESUME_FORMATS as DOCUMENT_FORMATS


class ResumeSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    filename = serializers.CharField(source="original_name", read_only=True)
    file_kind = serializers.ChoiceField(choices=FileKind.choices, read_only=True)
    content_type = serializers.CharField(read_only=True)
    file_size = serializers.IntegerField(read_only=True)
    linkedin_url = serializers.URLField(read_only=True)
    source = serializers.CharField(read_only=True)
    extraction_method = serializers.CharField(read_only=True)
    page_count = serializers.IntegerField(read_only=True, allow_null=True)
    last_score = serializers.IntegerField(read_only=True, allow_null=True)
    last_analyzed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    upload_date = serializers.DateTimeField(source="created_at", read_only=True)


class ResumeDetailSerializer(ResumeSerializer):
    parsed_data = serializers.JSONField(read_only=True)


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(allow_empty_file=True)
    linkedin_url = serializers.URLField(required=False, allow_blank=True, max_length=200)

    def validate_linkedin_url(self, value):
        if value and "linkedin.com/" not in value.lower():
            raise serializers.ValidationError("Must be a linkedin.com address.")
        return value


class JobChoiceSerializer(serializers.Serializer):
    """A job by posting id, or a pasted description of at least 50 characters."""

    job_id = IdField(required=False)
    job_description = serializers.CharField(
        required=False, allow_blank=True, max_length=20_000, trim_whitespace=True
    )
    job_title = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def validate_job_description(self, value):
        if value and len(value) < MIN_JOB_DESCRIPTION:
            raise serializers.ValidationError(
                f"Give at least {MIN_JOB_DESCRIPTION} characters of the job description."
            )
        return value

    def validate(self, attrs):
        if attrs.get("job_id") and attrs.get("job_description"):
            raise serializers.ValidationError(
                {"job_id": ["Give a job_id or a job_description, not both."]}
            )
        return attrs


class AnalysisStartSerializer(JobChoiceSerializer):
    resume_id = serializers.UUIDField(required=False)
    cv_file = serializers.FileField(required=False, allow_empty_file=True)
    cv_text = serializers.CharField(required=False, allow_blank=True, max_length=100_000)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        sources = [key for key in ("resume_id", "cv_file", "cv_text") if attrs.get(key)]
        if len(sources) != 1:
            raise serializers.ValidationError(
                {"resume_id": ["Give exactly one of resume_id, cv_file or cv_text."]}
            )
        return attrs


class AnalysisSerializer(serializers.Serializer):
    job_id = serializers.UUIDField(source="id", read_only=True, help_text="The analysis id.")
    resume_id = serializers.UUIDField(read_only=True)
    job_posting_id = serializers.IntegerField(read_only=True, allow_null=True)
    job_title = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=AnalysisStatus.choices, read_only=True)
    progress = serializers.IntegerField(read_only=True)
    current_step = serializers.CharField(read_only=True)
    error_message = serializers.CharField(read_only=True, allow_null=True)
    overall_score = serializers.IntegerField(read_only=True, allow_null=True)
    engine = serializers.CharField(read_only=True)
    attempts = serializers.IntegerField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    started_at = serializers.DateTimeField(read_only=True, allow_null=True)
    completed_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["error_message"] = instance.error_message or None
        return data


class AnalysisDetailSerializer(AnalysisSerializer):
    result = serializers.SerializerMethodField()

    def get_result(self, analysis) -> dict | None:
        return analysis.result if analysis.status == AnalysisStatus.COMPLETED else None


class FormatSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=EXPORT_FORMATS)


class DocumentFormatSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=DOCUMENT_FORMATS, default="pdf")


class LetterFormatSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=LETTER_FORMATS, default="pdf")


class AnalysisFilterSerializer(serializers.Serializer):
    resume_id = serializers.UUIDField()


class EnhanceSerializer(JobChoiceSerializer):
    resume_id = serializers.UUIDField()
    target_role = serializers.CharField(required=False, allow_blank=True, max_length=200)


class SuggestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.CharField()
    line = serializers.IntegerField(allow_null=True)
    section = serializers.CharField(allow_null=True)
    original = serializers.CharField(allow_null=True)
    proposed = serializers.CharField(allow_null=True)
    reason = serializers.CharField()
    severity = serializers.CharField()
    issues = serializers.ListField(child=serializers.CharField(), required=False)
    target = serializers.JSONField(required=False)
    engine = serializers.CharField(required=False)


class EnhancementSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    resume_id = serializers.UUIDField(read_only=True)
    target_role = serializers.CharField(read_only=True)
    engine = serializers.CharField(read_only=True)
    suggestions = SuggestionSerializer(many=True, read_only=True)
    decisions = serializers.DictField(child=serializers.CharField(), read_only=True)
    edits = serializers.DictField(child=serializers.CharField(), read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class DecisionsSerializer(serializers.Serializer):
    decisions = serializers.DictField(
        child=serializers.ChoiceField(choices=("accepted", "rejected")), allow_empty=False
    )
    edits = serializers.DictField(
        child=serializers.CharField(max_length=1000),
        required=False,
        help_text="Your own wording for a suggestion, used instead of the proposal.",
    )


class DownloadEnhancedSerializer(DocumentFormatSerializer):
    enhancement_id = serializers.UUIDField()
    accepted_ids = serializers.ListField(
        child=serializers.CharField(max_length=64), required=False, max_length=500
    )
    template = serializers.CharField(max_length=40, default="classic")


class CoverLetterRequestSerializer(JobChoiceSerializer):
    schema_any_of_required = (("resume_id", "job_id"), ("resume_id", "job_description"))

    resume_id = serializers.UUIDField()
    tone = serializers.ChoiceField(
        choices=CoverLetterTone.choices, default=CoverLetterTone.PROFESSIONAL
    )
    company = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if not attrs.get("job_id") and not attrs.get("job_description"):
            raise serializers.ValidationError(
                {"job_description": ["Give a job_id or a job_description."]}
            )
        return attrs


class CoverLetterSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    resume_id = serializers.UUIDField(read_only=True, allow_null=True)
    job_title = serializers.CharField(read_only=True)
    job_company = serializers.CharField(read_only=True)
    tone = serializers.CharField(read_only=True)
    engine = serializers.CharField(read_only=True)
    letter = serializers.JSONField(read_only=True)
    text = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)

    def get_text(self, letter) -> str:
        return letter.letter.get("text", "")


class TemplateSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
