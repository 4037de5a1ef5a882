"""The pipeline board of a job, and moving applications (one, or many at once) on it.

Recruiters and the roles above them; a job or application of another recruiter is a 404.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from accounts.permissions import IsRecruiter
from ats.api.serializers import MAX_NOTE, RecruiterHistorySerializer
from ats.board import PER_STAGE_DEFAULT, PER_STAGE_MAX, pipeline_board
from ats.errors import ApplicationNotFound
from ats.selectors import application_get_managed, applications_managed_by, job_get_managed
from ats.services.pipeline import (
    MAX_BULK,
    application_move_stage,
    applications_bulk_move,
    applications_bulk_reject,
)
from ats.stages import Stage, recruiter_next_stages
from core.api.schema import ERROR_REF
from core.api.validation import IdField, validated

TAGS = ["pipeline"]
STAGE_CHOICES = Stage.choices


# --- Input ---------------------------------------------------------------------------------


class PipelineQuerySerializer(serializers.Serializer):
    job_id = IdField(help_text="One of your jobs.")
    per_stage = serializers.IntegerField(
        min_value=1,
        max_value=PER_STAGE_MAX,
        default=PER_STAGE_DEFAULT,
        help_text="Cards per stage, best fit first; `count` is always the full number.",
    )


def _note_field(**kwargs):
    return serializers.CharField(
        max_length=MAX_NOTE, allow_blank=True, trim_whitespace=True, **kwargs
    )


class MoveStageSerializer(serializers.Serializer):
    application_id = serializers.UUIDField()
    stage = serializers.ChoiceField(choices=STAGE_CHOICES, help_text="The stage to move to.")
    note = _note_field(required=False, default="", help_text="Why; recruiters only see it.")
    from_stage = serializers.ChoiceField(
        choices=STAGE_CHOICES,
        required=False,
        help_text="The stage you saw: if the application has moved since, 409 and no move.",
    )


class _BulkSerializer(serializers.Serializer):
    application_ids = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=MAX_BULK
    )


class BulkMoveSerializer(_BulkSerializer):
    stage = serializers.ChoiceField(choices=STAGE_CHOICES)
    note = _note_field(required=False, default="")


class BulkRejectSerializer(_BulkSerializer):
    reason = serializers.CharField(
        max_length=MAX_NOTE, trim_whitespace=True, help_text="Kept as each move's note."
    )


# --- Output --------------------------------------------------------------------------------


class _AllowedNextField(serializers.ListField):
    child = serializers.ChoiceField(choices=STAGE_CHOICES)


class CardSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True, help_text="The application.")
    name = serializers.CharField(read_only=True)
    fit_score = serializers.IntegerField(read_only=True, allow_null=True)
    stage_changed_at = serializers.DateTimeField(read_only=True)
    days_in_stage = serializers.IntegerField(read_only=True)
    source = serializers.CharField(read_only=True)
    is_registered = serializers.BooleanField(read_only=True)
    allowed_next = _AllowedNextField(read_only=True, help_text="Where you may move it.")


class ColumnSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=STAGE_CHOICES, read_only=True)
    label = serializers.CharField(read_only=True)
    count = serializers.IntegerField(read_only=True)
    cards = CardSerializer(many=True, read_only=True)


class PipelineJobSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    company = serializers.CharField(read_only=True)
    location = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)


class PipelineSerializer(serializers.Serializer):
    job = PipelineJobSerializer(read_only=True)
    total = serializers.IntegerField(read_only=True)
    per_stage = serializers.IntegerField(read_only=True)
    stages = ColumnSerializer(many=True, read_only=True, source="columns")


class MovedApplicationSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    stage = serializers.ChoiceField(choices=STAGE_CHOICES, read_only=True)
    stage_changed_at = serializers.DateTimeField(read_only=True)
    allowed_next = serializers.SerializerMethodField()

    @extend_schema_field(_AllowedNextField())
    def get_allowed_next(self, application) -> list[str]:
        return list(recruiter_next_stages(application.stage))


class MoveResultSerializer(serializers.Serializer):
    application = MovedApplicationSerializer(read_only=True)
    change = RecruiterHistorySerializer(read_only=True, help_text="The history row written.")


class BulkResultSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=STAGE_CHOICES, read_only=True)
    moved = serializers.IntegerField(read_only=True)
    application_ids = serializers.ListField(child=serializers.UUIDField(), read_only=True)


# --- Views ---------------------------------------------------------------------------------


class PipelineView(GenericAPIView):
    permission_classes = [IsRecruiter]
    serializer_class = PipelineSerializer

    @extend_schema(
        parameters=[PipelineQuerySerializer],
        responses={
            200: PipelineSerializer,
            404: OpenApiResponse(ERROR_REF, description="No such job, or not yours."),
        },
        tags=TAGS,
        description=(
            "Every stage in funnel order, then rejected and withdrawn: its full count and "
            "its cards, best fit first (at most `per_stage`)."
        ),
    )
    def get(self, request):
        query = validated(PipelineQuerySerializer, request.query_params)
        job = job_get_managed(user=request.user, job_id=query["job_id"])
        board = pipeline_board(job=job, per_stage=query["per_stage"])
        return Response(PipelineSerializer(board).data)


class MoveStageView(GenericAPIView):
    permission_classes = [IsRecruiter]
    serializer_class = MoveStageSerializer

    @extend_schema(
        request=MoveStageSerializer,
        responses={
            200: MoveResultSerializer,
            404: OpenApiResponse(ERROR_REF, description="No such application, or not yours."),
            409: OpenApiResponse(
                ERROR_REF, description="Someone moved it meanwhile; nothing changed."
            ),
        },
        tags=TAGS,
        description=(
            "Only the allowed transitions (a 400 names the allowed ones); withdrawing is the "
            "applicant's. The history row is written with the move. The candidate is "
            "emailed on interview_scheduled, offer, hired and rejected."
        ),
    )
    def post(self, request):
        data = validated(MoveStageSerializer, request.data)
        application = application_get_managed(
            user=request.user, application_id=data["application_id"]
        )
        change = application_move_stage(
            application=application,
            to_stage=data["stage"],
            actor=request.user,
            note=data["note"],
            from_stage=data.get("from_stage"),
        )
        change.actor = request.user
        body = {"application": application, "change": change}
        return Response(MoveResultSerializer(body).data)


def _managed(user, application_ids) -> list:
    """The applications by id, all of them managed by `user`, else 404 naming the others."""
    wanted = list(dict.fromkeys(application_ids))
    found = {
        application.pk: application
        for application in applications_managed_by(user=user)
        .select_related(None)
        .filter(pk__in=wanted)
        .only("id", "job_id", "candidate_id", "stage")
    }
    missing = [str(pk) for pk in wanted if pk not in found]
    if missing:
        raise ApplicationNotFound(f"No application with these ids: {', '.join(missing)}.")
    return [found[pk] for pk in wanted]


_BULK_RESPONSES = {
    200: BulkResultSerializer,
    400: OpenApiResponse(
        ERROR_REF,
        description=(
            "Invalid input, or some applications cannot make the move: `errors` lists each "
            "by id with the reason. None was moved."
        ),
    ),
    404: OpenApiResponse(
        ERROR_REF, description="Some ids are no applications of yours; none was moved."
    ),
    409: OpenApiResponse(
        ERROR_REF, description="Someone moved one of them meanwhile; none was moved."
    ),
}


class BulkMoveView(GenericAPIView):
    permission_classes = [IsRecruiter]
    serializer_class = BulkMoveSerializer

    @extend_schema(
        request=BulkMoveSerializer,
        responses=_BULK_RESPONSES,
        tags=TAGS,
        description=f"All or nothing, up to {MAX_BULK} applications.",
    )
    def post(self, request):
        data = validated(BulkMoveSerializer, request.data)
        result = applications_bulk_move(
            applications=_managed(request.user, data["application_ids"]),
            to_stage=data["stage"],
            actor=request.user,
            note=data["note"],
        )
        return Response(BulkResultSerializer(result).data)


class BulkRejectView(GenericAPIView):
    permission_classes = [IsRecruiter]
    serializer_class = BulkRejectSerializer

    @extend_schema(
        request=BulkRejectSerializer,
        responses=_BULK_RESPONSES,
        tags=TAGS,
        description=(
            f"Reject up to {MAX_BULK} applications with one reason, all or nothing. The "
            "candidates are emailed; the reason stays internal."
        ),
    )
    def post(self, request):
        data = validated(BulkRejectSerializer, request.data)
        result = applications_bulk_reject(
            applications=_managed(request.user, data["application_ids"]),
            actor=request.user,
            reason=data["reason"],
        )
        return Response(BulkResultSerializer(result).data)
