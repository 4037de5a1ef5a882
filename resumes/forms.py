"""Forms of the candidate pages; the services behind them check everything again."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import date as format_date

from resumes.enhancement.document import open_prompts
from resumes.job_targets import MIN_JOB_DESCRIPTION
from resumes.models import CoverLetterTone, Resume
from resumes.rendering import RESUME_FORMATS, TEMPLATES
from resumes.services.documents import unanswered_prompt

ACCEPTED_FILES = ".pdf,.docx,.doc,.txt,application/pdf,application/msword,text/plain,"
ACCEPTED_FILES += "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DECISION_CHOICES = [("accepted", "Accept"), ("rejected", "Reject")]
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word (DOCX)"}


def _job_description_field(*, required: bool) -> forms.CharField:
    return forms.CharField(
        label="Job description",
        required=required,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Paste the job posting: at least {MIN_JOB_DESCRIPTION} characters.",
    )


class JobDescriptionMixin:
    """A pasted job description is either empty or long enough to find skills in."""

    def clean_job_description(self):
        value = self.cleaned_data["job_description"]
        if value and len(value) < MIN_JOB_DESCRIPTION:
            raise forms.ValidationError(
                f"Give at least {MIN_JOB_DESCRIPTION} characters of the job description "
                f"(you gave {len(value)})."
            )
        return value


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Resume file",
        widget=forms.FileInput(attrs={"accept": ACCEPTED_FILES}),
    )
    linkedin_url = forms.URLField(
        label="LinkedIn profile", required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.RESUME_MAX_UPLOAD_BYTES // 1_048_576
        self.fields["file"].help_text = f"PDF, DOCX, DOC or TXT, up to {limit} MB."

    def clean_linkedin_url(self):
        value = self.cleaned_data["linkedin_url"]
        if value and "linkedin.com/" not in value.lower():
            raise forms.ValidationError("Give a linkedin.com address.")
        return value


class AnalyseForm(JobDescriptionMixin, forms.Form):
    job_title = forms.CharField(label="Job title", required=False, max_length=200)
    job_description = _job_description_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_description"].help_text += " Leave empty for a general analysis."


class EnhanceForm(JobDescriptionMixin, forms.Form):
    target_role = forms.CharField(label="Target role", required=False, max_length=200)
    job_description = _job_description_field(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_description"].help_text += " Adds the job's missing keywords."


class ResumeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, resume):
        return f"{resume.original_name} (uploaded {format_date(resume.created_at, 'j M Y')})"


class CoverLetterForm(JobDescriptionMixin, forms.Form):
    resume = ResumeChoiceField(queryset=Resume.objects.none(), empty_label=None)
    job_description = _job_description_field(required=True)
    job_title = forms.CharField(label="Job title", required=False, max_length=200)
    company = forms.CharField(required=False, max_length=200)
    tone = forms.ChoiceField(
        choices=CoverLetterTone.choices,
        initial=CoverLetterTone.PROFESSIONAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, resumes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = resumes


class DecisionsForm(forms.Form):
    """Per suggestion an optional accept/reject choice (`decision-<id>`) and the person's own
    wording to use instead of the proposal (`edit-<id>`).

    A proposal with a bracketed prompt ("[add a measurable result …]") starts its wording
    field filled with the proposal, and is accepted only once the prompt is replaced.
    """

    def __init__(
        self, *args, suggestions: list[dict], decisions: dict[str, str], edits: dict, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.suggestions = {suggestion["id"]: suggestion for suggestion in suggestions}
        for suggestion in suggestions:
            asks = bool(open_prompts(suggestion.get("proposed"), suggestion.get("original")))
            self.fields[self.field_name(suggestion["id"])] = forms.ChoiceField(
                label=f"Decision on: {suggestion['reason']}",
                choices=DECISION_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                initial=decisions.get(suggestion["id"]),
            )
            self.fields[self.edit_name(suggestion["id"])] = forms.CharField(
                label="Your line, with the detail filled in" if asks else "Your wording",
                required=False,
                max_length=1000,
                initial=edits.get(suggestion["id"]) or (suggestion["proposed"] if asks else ""),
            )

    def asks_for_detail(self, suggestion_id: str) -> bool:
        suggestion = self.suggestions[suggestion_id]
        return bool(open_prompts(suggestion.get("proposed"), suggestion.get("original")))

    def clean(self):
        data = super().clean()
        for suggestion_id, suggestion in self.suggestions.items():
            if data.get(self.field_name(suggestion_id)) != "accepted":
                continue
            prompt = unanswered_prompt(suggestion, data.get(self.edit_name(suggestion_id)))
            if prompt is not None:
                self.add_error(
                    self.edit_name(suggestion_id),
                    f"Replace {prompt} with your own detail (a number, for example) before "
                    "accepting this suggestion.",
                )
        return data

    @staticmethod
    def field_name(suggestion_id: str) -> str:
        return f"decision-{suggestion_id}"

    @staticmethod
    def edit_name(suggestion_id: str) -> str:
        return f"edit-{suggestion_id}"

    def _by_prefix(self, prefix: str) -> dict[str, str]:
        return {
            name.removeprefix(prefix): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix) and value
        }

    def decisions(self) -> dict[str, str]:
        return self._by_prefix(self.field_name(""))

    def edits(self) -> dict[str, str]:
        """The wordings the person wrote (a pre-filled proposal left as it was is none)."""
        return {
            suggestion_id: text
            for suggestion_id, text in self._by_prefix(self.edit_name("")).items()
            if text != self.suggestions[suggestion_id].get("proposed")
        }


class DownloadEnhancedForm(forms.Form):
    template = forms.ChoiceField(
        label="Template", choices=[(template.id, template.name) for template in TEMPLATES]
    )
    format = forms.ChoiceField(
        label="Format",
        choices=[(fmt, FORMAT_LABELS[fmt]) for fmt in RESUME_FORMATS],
        initial="pdf",
        widget=forms.RadioSelect,
    )
