"""The schedule and reschedule forms of the recruiter pages. The start is typed in the
chosen time zone (a datetime-local field has none) and read in it."""

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils import timezone

from interviews.video.selectors import MAX_DURATION_MINUTES
from interviews.video.services import MAX_INTERVIEWERS, MIN_DURATION_MINUTES

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
# The candidate page holds other forms: this one's field ids and names carry a prefix.
FORM_PREFIX = "meeting"
# Service errors name the API's fields; the form's own names differ for two of them.
FORM_FIELD = {"start_time": "start", "interviewer_ids": "interviewers"}


@cache
def timezone_choices() -> list[tuple[str, str]]:
    names = sorted(name for name in available_timezones() if "/" in name or name == "UTC")
    return [(name, name.replace("_", " ")) for name in names]


class InterviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.name} ({user.email})" if user.name else user.email


class MeetingForm(forms.Form):
    start = forms.DateTimeField(
        label="Starts at",
        input_formats=[LOCAL_FORMAT, "%Y-%m-%dT%H:%M:%S"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT),
        help_text="In the time zone below.",
    )
    timezone = forms.ChoiceField(label="Time zone", choices=timezone_choices, initial="UTC")
    duration_minutes = forms.IntegerField(
        label="Duration (minutes)",
        min_value=MIN_DURATION_MINUTES,
        max_value=MAX_DURATION_MINUTES,
        initial=45,
    )
    interviewers = InterviewerChoiceField(
        queryset=None, widget=forms.CheckboxSelectMultiple, label="Interviewers"
    )

    def __init__(self, *args, interviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewers"].queryset = interviewers

    def clean_interviewers(self):
        chosen = self.cleaned_data["interviewers"]
        if len(chosen) > MAX_INTERVIEWERS:
            raise forms.ValidationError(f"At most {MAX_INTERVIEWERS} interviewers.")
        return chosen

    def starts_at(self) -> datetime:
        """The typed wall-clock time, read in the chosen zone."""
        typed = timezone.make_naive(self.cleaned_data["start"])
        return typed.replace(tzinfo=ZoneInfo(self.cleaned_data["timezone"]))

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        for name, messages in errors.items():
            field = FORM_FIELD.get(name, name)
            for message in messages:
                self.add_error(field if field in self.fields else None, message)


class ScheduleForm(MeetingForm):
    title = forms.CharField(
        label="Title", max_length=200, required=False, help_text="Default: Interview: <job>."
    )
