"""Forms of the apply and application pages; the services check everything again."""

from django import forms
from django.conf import settings

from ats.models import ApplicationSource
from ats.services.applications import (
    APPLICANT_SOURCES,
    MAX_COVER_LETTER,
    MAX_EMAIL,
    MAX_NAME,
    MAX_PHONE,
)
from resumes.forms import ACCEPTED_FILES, ResumeChoiceField
from resumes.models import Resume

CONTACT_FIELDS = ("name", "email", "phone")


class ApplyForm(forms.Form):
    """Anonymous: contact details and a file. Signed in: a stored resume or a file."""

    resume = ResumeChoiceField(
        label="Resume",
        queryset=Resume.objects.none(),
        required=False,
        empty_label="Upload a file instead",
    )
    name = forms.CharField(label="Full name", max_length=MAX_NAME)
    email = forms.EmailField(label="Email", max_length=MAX_EMAIL)
    phone = forms.CharField(label="Phone", required=False, max_length=MAX_PHONE)
    file = forms.FileField(
        label="Resume file",
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPTED_FILES}),
    )
    cover_letter = forms.CharField(
        label="Cover letter",
        required=False,
        max_length=MAX_COVER_LETTER,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=f"Up to {MAX_COVER_LETTER:,} characters.",
    )
    # Left to the service, so the page and the API give the same consent_required message.
    consent = forms.BooleanField(label="", required=False)
    source = forms.ChoiceField(
        choices=[(value, ApplicationSource(value).label) for value in APPLICANT_SOURCES],
        initial=ApplicationSource.JOB_BOARD,
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, job, user, resumes=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.RESUME_MAX_UPLOAD_BYTES // 1_048_576
        self.fields["file"].help_text = f"PDF, DOCX, DOC or TXT, up to {limit} MB."
        company = job.company or "the employer"
        self.fields["consent"].label = (
            f"I agree that {company} and Hirewise may process my application and the personal "
            "data in it to consider me for this job."
        )
        # The error summary names the field, not the whole sentence again.
        self.fields["consent"].summary_label = "Consent"
        self.signed_in = user is not None and user.is_authenticated
        if self.signed_in:
            for name in ("name", "email"):
                del self.fields[name]
            self.fields["phone"].help_text = "Leave empty to use the one in your profile."
        if self.signed_in and resumes:
            self.fields["resume"].queryset = resumes
            self.fields["resume"].initial = resumes[0].pk
            self.fields["file"].help_text += " A file here is used instead of the resume above."
        else:
            del self.fields["resume"]
            self.fields["file"].required = True
            self.fields["file"].error_messages["required"] = "Upload your resume."

    def clean_source(self):
        return self.cleaned_data.get("source") or ApplicationSource.JOB_BOARD

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") is not None:
            cleaned["resume"] = None
        return cleaned

    def service_data(self) -> dict:
        data = self.cleaned_data
        resume = data.get("resume")
        return {
            "resume_id": resume.pk if resume is not None else None,
            "cover_letter": data.get("cover_letter", ""),
            "consent": data.get("consent", False),
            **{name: data.get(name, "") for name in CONTACT_FIELDS},
        }


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label="Reason",
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The recruiter reads it.",
    )
