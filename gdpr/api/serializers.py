from rest_framework import serializers

from core.api.validation import IdField
from gdpr.consents import PURPOSES
from gdpr.models import AuditAction, RequestKind
from gdpr.retention import MAX_DAYS, MIN_DAYS


class ConsentRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    purpose = serializers.ChoiceField(choices=PURPOSES, read_only=True)
    granted = serializers.BooleanField(read_only=True)
    version = serializers.CharField(source="text_version", read_only=True)
    text_sha256 = serializers.CharField(
        read_only=True, help_text="SHA-256 of the exact text the person was shown."
    )
    source = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class PurposeSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=PURPOSES)
    title = serializers.CharField()
    text = serializers.CharField(help_text="The current wording, shown before deciding.")
    version = serializers.CharField()
    text_sha256 = serializers.CharField()
    granted = serializers.BooleanField(help_text="The current choice (the default if none yet).")
    decided_at = serializers.DateTimeField(
        allow_null=True, help_text="When the person last decided; null: the default applies."
    )
    decided_version = serializers.CharField(
        allow_null=True, help_text="The text version of that decision."
    )


class ConsentOverviewSerializer(serializers.Serializer):
    purposes = PurposeSerializer(many=True)
    history = ConsentRecordSerializer(many=True, help_text="Every decision, newest first.")


class ConsentDecisionSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=PURPOSES)
    granted = serializers.BooleanField(help_text="true gives consent, false withdraws it.")
    version = serializers.CharField(
        required=False,
        max_length=16,
        help_text="The text version shown; a 409 if it is no longer the current one.",
    )


class RetentionKindSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    days = serializers.IntegerField(min_value=1)
    default_days = serializers.IntegerField()
    updated_at = serializers.DateTimeField(
        allow_null=True, help_text="When an admin last set it; null: the default applies."
    )


class RetentionOverviewSerializer(serializers.Serializer):
    kinds = RetentionKindSerializer(many=True)
    min_days = serializers.IntegerField()
    max_days = serializers.IntegerField()


class RetentionUpdateSerializer(serializers.Serializer):
    days = serializers.DictField(
        child=serializers.IntegerField(min_value=MIN_DAYS, max_value=MAX_DAYS),
        allow_empty=False,
        help_text='Days per kind of data to change, e.g. {"closed_applications": 180}.',
    )


class PurgeRequestSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(
        default=True, help_text="Only count what would go (the default)."
    )


class PurgeKindSerializer(serializers.Serializer):
    cutoff = serializers.DateTimeField(help_text="Rows older than this are past retention.")
    count = serializers.IntegerField()


class PurgeReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    ran_at = serializers.DateTimeField()
    kinds = serializers.DictField(child=PurgeKindSerializer())
    total = serializers.IntegerField()


class AuditFilterSerializer(serializers.Serializer):
    actor = IdField(required=False, help_text="The acting user's id.")
    action = serializers.ChoiceField(choices=AuditAction.choices, required=False)
    object_type = serializers.CharField(required=False, max_length=64)
    object_id = serializers.CharField(required=False, max_length=64)
    date_from = serializers.DateField(required=False, help_text="From this day (UTC), inclusive.")
    date_to = serializers.DateField(required=False, help_text="To this day (UTC), inclusive.")

    def validate(self, attrs):
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start and end and start > end:
            raise serializers.ValidationError({"date_to": ["Must not be before date_from."]})
        return attrs


class AuditEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=AuditAction.choices)
    action_label = serializers.CharField(source="get_action_display")
    actor_id = serializers.IntegerField(allow_null=True)
    actor_email = serializers.EmailField(
        source="actor.email", allow_null=True, default=None, help_text="null once erased."
    )
    object_type = serializers.CharField()
    object_id = serializers.CharField()
    ip_address = serializers.IPAddressField(allow_null=True)
    metadata = serializers.DictField()


class AnonymousRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(
        max_length=254, help_text="The address the applications were sent with."
    )
    kind = serializers.ChoiceField(choices=RequestKind.choices)


class AcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()
