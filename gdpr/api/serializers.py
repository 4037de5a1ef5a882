from rest_framework import serializers

from gdpr.consents import PURPOSES


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
