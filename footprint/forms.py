from django import forms

from footprint.api.serializers import MAX_STACKOVERFLOW_ID
from footprint.services import GITHUB_USERNAME


class ScanForm(forms.Form):
    github_username = forms.RegexField(
        regex=GITHUB_USERNAME,
        required=False,
        max_length=39,
        label="GitHub username",
        error_messages={
            "invalid": "Not a valid GitHub username (letters, digits, single hyphens)."
        },
        help_text="As in github.com/<username>.",
    )
    stackoverflow_id = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_STACKOVERFLOW_ID,
        label="Stack Overflow user id",
        help_text="The number in stackoverflow.com/users/<id>.",
    )

    def clean(self):
        data = super().clean()
        if (
            not self.errors
            and not data.get("github_username")
            and data.get("stackoverflow_id") is None
        ):
            raise forms.ValidationError("Give a GitHub username, a Stack Overflow id, or both.")
        return data


class CompareForm(forms.Form):
    first = forms.UUIDField()
    second = forms.UUIDField()
