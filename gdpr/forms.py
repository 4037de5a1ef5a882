from django import forms

from gdpr.consents import CONSENT_TEXTS, PURPOSES
from gdpr.models import AuditAction, RequestKind
from gdpr.retention import MAX_DAYS, MIN_DAYS


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=[(purpose, purpose) for purpose in PURPOSES])
    granted = forms.TypedChoiceField(
        choices=[("true", "Give"), ("false", "Withdraw")], coerce=lambda value: value == "true"
    )
    version = forms.CharField(max_length=16)

    def clean(self):
        data = super().clean()
        purpose = data.get("purpose")
        if purpose and data.get("version") != CONSENT_TEXTS[purpose].version:
            raise forms.ValidationError(
                "The consent text changed since the page was loaded: read it again and decide."
            )
        return data


class AnonymousRequestForm(forms.Form):
    email = forms.EmailField(
        max_length=254,
        label="Email address",
        help_text="The address you gave when you applied.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kind = forms.ChoiceField(
        label="What would you like?",
        choices=[
            (RequestKind.EXPORT, "A copy of my applications"),
            (RequestKind.ERASURE, "Erase my applications"),
        ],
        widget=forms.RadioSelect,
        initial=RequestKind.EXPORT,
    )


class RetentionForm(forms.Form):
    """One whole number of days per registered kind of data."""

    def __init__(self, *args, kinds: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        for kind in kinds:
            self.fields[kind["kind"]] = forms.IntegerField(
                label=kind["label"],
                min_value=MIN_DAYS,
                max_value=MAX_DAYS,
                initial=kind["days"],
                help_text=f"Days; the default is {kind['default_days']}.",
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )


class AuditFilterForm(forms.Form):
    actor = forms.IntegerField(label="Actor (user id)", required=False, min_value=1)
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *AuditAction.choices]
    )
    object_type = forms.CharField(label="Object type", required=False, max_length=64)
    object_id = forms.CharField(label="Object id", required=False, max_length=64)
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "Must not be before the start date.")
        return data

    def filters(self) -> dict:
        """The filters given, as `audit_entries` takes them."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}
