"""Forms of the job pages. Filters are parsed by the API's own parser and postings are
validated by the API's serializer; these forms render the fields and carry their errors."""

import re
from datetime import datetime, time

from django import forms
from django.http import QueryDict
from django.utils import timezone

from jobs.derived import skills_clean, skills_from_description
from jobs.models import ExperienceLevel, Job, JobStatus, JobType, SalaryPeriod, WorkMode
from jobs.services.jobs import SKILL_FIELDS, SKILLS_FROM_DESCRIPTION
from resumes.forms import ResumeChoiceField
from resumes.models import Resume

# The board's one "Sort by" choice, as the list API's sort_by and sort_order.
SORTS = {
    "": ("", "desc"),
    "newest": ("posted_at", "desc"),
    "oldest": ("posted_at", "asc"),
    "salary_high": ("salary", "desc"),
    "salary_low": ("salary", "asc"),
    "title": ("title", "asc"),
}
SORT_CHOICES = [
    ("", "Best match"),
    ("newest", "Newest first"),
    ("oldest", "Oldest first"),
    ("salary_high", "Highest salary"),
    ("salary_low", "Lowest salary"),
    ("title", "Title, A to Z"),
]
FILTER_FIELDS = (
    "q",
    "location",
    "job_type",
    "experience_level",
    "work_mode",
    "salary_min",
    "skills",
    "company",
)
PLAIN_FIELDS = (
    "title",
    "company",
    "location",
    "job_type",
    "work_mode",
    "experience_level",
    "department",
    "description",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "salary_text",
    "apply_url",
    "end_date",
    "status",
)


def _checkboxes(choices, label: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class JobSearchForm(forms.Form):
    """The board's filters (a GET form): the values stay in the address, so a search can be
    shared and every result page keeps them."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Title, skill or company"}),
    )
    location = forms.CharField(required=False, max_length=200)
    work_mode = _checkboxes(WorkMode.choices, "Work mode")
    job_type = _checkboxes(JobType.choices, "Job type")
    experience_level = _checkboxes(ExperienceLevel.choices, "Experience level")
    salary_min = forms.IntegerField(
        label="Minimum salary",
        required=False,
        min_value=0,
        help_text="Jobs that can pay at least this much a year.",
    )
    skills = forms.CharField(
        required=False, max_length=500, help_text="Comma-separated; a job needs all of them."
    )
    company = forms.CharField(required=False, max_length=200)
    sort = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)

    def filter_query(self) -> QueryDict:
        """The submitted filters as the list API reads them (its parser checks them again)."""
        query = QueryDict(mutable=True)
        for name in FILTER_FIELDS:
            values = [value for value in self.data.getlist(name) if value.strip()]
            if values:
                query.setlist(name, values)
        sort_by, sort_order = SORTS.get(self.data.get("sort", ""), SORTS[""])
        if not sort_by and not query.get("q"):
            # Best match without search words: the newest postings (imports keep their date).
            sort_by, sort_order = SORTS["newest"]
        if sort_by:
            query["sort_by"], query["sort_order"] = sort_by, sort_order
        return query

    def has_filters(self) -> bool:
        """Whether anything narrows the jobs (a sort order does not)."""
        return any(value.strip() for name in FILTER_FIELDS for value in self.data.getlist(name))

    def add_parser_errors(self, detail: dict) -> None:
        """The parser's messages (flattened: "job_type.0"), on fields whose own check has not
        already complained."""
        for key, messages in detail.items():
            field = key.split(".")[0]
            target = field if field in self.fields else None
            if target and target in self.errors:
                continue
            for message in messages if isinstance(messages, list) else [messages]:
                self.add_error(target, str(message))


class InsightsFilterForm(JobSearchForm):
    """The board's filters that narrow the insights (no sort: insights are totals)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sort", "salary_min", "company", "job_type", "work_mode"):
            del self.fields[name]


class MatchForm(forms.Form):
    resume = ResumeChoiceField(queryset=Resume.objects.none(), empty_label=None)
    location = forms.CharField(
        label="Preferred location",
        required=False,
        max_length=200,
        help_text="Jobs near it, or remote ones, score higher. Leave empty for the location "
        "on your resume.",
    )
    work_modes = _checkboxes(WorkMode.choices, "Work modes you accept")
    work_modes.help_text = "None ticked: all of them."

    def __init__(self, *args, resumes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = resumes

    def preferences(self) -> dict:
        """As match_jobs takes them: no location means the resume's."""
        return {
            "location": self.cleaned_data["location"] or None,
            "work_modes": list(self.cleaned_data["work_modes"]),
        }


class ResumePickForm(forms.Form):
    resume = ResumeChoiceField(queryset=Resume.objects.none(), empty_label=None)

    def __init__(self, *args, resumes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = resumes


def skills_split(text: str) -> list[str]:
    """'Python, Django\nAWS' -> ['Python', 'Django', 'AWS']."""
    return [part.strip() for part in re.split(r"[,\n;]", text or "") if part.strip()]


def _skills_key(names) -> frozenset[str]:
    return frozenset(name.casefold() for name in skills_clean(names))


class JobForm(forms.Form):
    """Every field a recruiter writes; skills as comma-separated text."""

    title = forms.CharField(max_length=200)
    company = forms.CharField(required=False, max_length=200)
    location = forms.CharField(
        required=False, max_length=200, help_text="City and country, or 'Remote'."
    )
    job_type = forms.ChoiceField(choices=JobType.choices, initial=JobType.FULL_TIME)
    work_mode = forms.ChoiceField(choices=WorkMode.choices, initial=WorkMode.ONSITE)
    experience_level = forms.ChoiceField(
        choices=[("", "Not stated"), *ExperienceLevel.choices], required=False
    )
    department = forms.CharField(required=False, max_length=100)
    description = forms.CharField(max_length=50_000, widget=forms.Textarea(attrs={"rows": 14}))
    required_skills = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Comma-separated. Leave both skill fields empty to read them from the "
        "description when you save, or press Preview extracted skills.",
    )
    preferred_skills = forms.CharField(
        label="Nice-to-have skills",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Comma-separated.",
    )
    salary_min = forms.IntegerField(label="Salary from", required=False, min_value=0)
    salary_max = forms.IntegerField(label="Salary to", required=False, min_value=0)
    salary_currency = forms.CharField(
        label="Currency", required=False, max_length=3, initial="USD", help_text="ISO code: USD."
    )
    salary_period = forms.ChoiceField(
        label="Salary per", choices=SalaryPeriod.choices, initial=SalaryPeriod.YEAR
    )
    salary_text = forms.CharField(
        label="Salary note",
        required=False,
        max_length=100,
        help_text="Shown when there is no range, e.g. 'Competitive'.",
    )
    apply_url = forms.URLField(
        label="Apply link", required=False, max_length=500, assume_scheme="https"
    )
    end_date = forms.DateField(
        label="Closes on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The posting closes by itself after this day.",
    )
    status = forms.ChoiceField(
        label="Publish",
        choices=[(JobStatus.OPEN, "Open now"), (JobStatus.DRAFT, "Save as a draft")],
        initial=JobStatus.OPEN,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, job: Job | None = None, **kwargs):
        self.job = job
        if job is not None:
            kwargs.setdefault("initial", job_initial(job))
        super().__init__(*args, **kwargs)
        if job is not None:
            # An existing posting changes state with its own buttons (open, close, draft).
            del self.fields["status"]

    def service_data(self) -> dict:
        """The cleaned values as the job serializer takes them."""
        data = {name: self.cleaned_data[name] for name in PLAIN_FIELDS if name in self.fields}
        data["salary_currency"] = data["salary_currency"].upper()
        if data["end_date"] is not None:
            data["end_date"] = timezone.make_aware(datetime.combine(data["end_date"], time.max))
        data.update(self._skills_data())
        return data

    def _skills_data(self) -> dict:
        """Skills only when the recruiter chose them. Skills the description yields (or, on an
        edit, the ones the job has) are not a choice: leaving them out keeps them following
        the description, as they do when nobody touches them."""
        given = {name: skills_split(self.cleaned_data[name]) for name in SKILL_FIELDS}
        if self.job is None and not any(given.values()):
            return {}
        if self.job is not None and _same_skills(
            given.values(), (self.job.required_skills, self.job.preferred_skills)
        ):
            return {}
        if _same_skills(given.values(), skills_from_description(self.cleaned_data["description"])):
            return {} if self.job is None else {SKILLS_FROM_DESCRIPTION: True}
        return given


def _same_skills(first, second) -> bool:
    return [_skills_key(names) for names in first] == [_skills_key(names) for names in second]


def job_initial(job: Job) -> dict:
    initial = {name: getattr(job, name) for name in PLAIN_FIELDS if name != "end_date"}
    initial["end_date"] = timezone.localdate(job.end_date) if job.end_date else None
    for name in SKILL_FIELDS:
        initial[name] = ", ".join(getattr(job, name))
    return initial


def preview_data(data: QueryDict) -> tuple[dict, list[str], list[str]]:
    """The submitted values with the skills the description yields, for the preview."""
    required, preferred = skills_from_description(data.get("description", ""))
    values = {name: data.get(name, "") for name in (*PLAIN_FIELDS, *SKILL_FIELDS)}
    values.update(required_skills=", ".join(required), preferred_skills=", ".join(preferred))
    return values, required, preferred


class JobStatusForm(forms.Form):
    status = forms.ChoiceField(choices=JobStatus.choices)
