from django import forms

from gdpr.consents import CONSENT_TEXTS, PURPOSES
from gdpr.models import RequestKind


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
