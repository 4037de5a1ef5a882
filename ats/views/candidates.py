"""The recruiter's candidate page: the applicant, fit, resume summary, latest analysis,
timeline and scorecards, with a scorecard form and a move form (the pipeline's move view).

Thin over ats.presenters, ats.selectors and ats.services.scorecards, like the API. Works
without JavaScript.
Recruiters reach their own jobs' applicants; domain experts any (to score them); anyone else
a 404, and candidates a 403.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.forms import add_service_errors
from accounts.models import Role
from accounts.permissions import role_required
from ats.errors import ApplicationNotFound, NoResumeFile
from ats.models import Recommendation
from ats.presenters import candidate_detail
from ats.selectors import application_get_for_review, application_get_managed
from ats.services.applications import application_resume_download
from ats.services.scorecards import MAX_CRITERIA, MAX_CRITERION_LENGTH, scorecard_submit
from ats.stages import Stage
from core.errors import InvalidInput
from core.http import client_ip
from resumes.http import file_response
from resumes.presenters import gauge, skill_groups

recruiter_required = role_required(Role.RECRUITER)
DEFAULT_CRITERIA = ("Technical skills", "Communication", "Problem solving", "Experience fit")
EMPTY_ROWS = 2  # blank criterion rows offered beyond those already rated
RATING_CHOICES = [("", "Not rated")] + [(str(value), str(value)) for value in range(1, 6)]


class ScorecardForm(forms.Form):
    """Criteria as rows of name + 1-5 rating, then the recommendation and notes.

    Rows without a name are skipped, and so are the pre-filled criteria (`prefilled`) left
    unrated: the reviewer rates what they assessed. A criterion they named themselves needs
    a rating. The recommendation is a judgement: it has no default and must be chosen.
    """

    recommendation = forms.ChoiceField(
        choices=Recommendation.choices,
        label="Recommendation",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose your recommendation."},
    )
    notes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Notes",
        help_text="Seen by the recruiters and reviewers of this application.",
    )

    def __init__(
        self, *args, rows: int = len(DEFAULT_CRITERIA), prefilled=DEFAULT_CRITERIA, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.row_count = min(max(rows, 1), MAX_CRITERIA)
        self.prefilled = {name.casefold() for name in prefilled}
        for index in range(self.row_count):
            self.fields[f"criterion_{index}"] = forms.CharField(
                required=False, max_length=MAX_CRITERION_LENGTH, label=f"Criterion {index + 1}"
            )
            self.fields[f"rating_{index}"] = forms.TypedChoiceField(
                required=False,
                choices=RATING_CHOICES,
                coerce=int,
                empty_value=None,
                label=f"Rating {index + 1}",
            )

    def rows(self):
        """(criterion field, rating field) pairs for the template."""
        return [
            (self[f"criterion_{index}"], self[f"rating_{index}"]) for index in range(self.row_count)
        ]

    def clean(self):
        cleaned = super().clean()
        ratings = {}
        for index in range(self.row_count):
            name = (cleaned.get(f"criterion_{index}") or "").strip()
            rating = cleaned.get(f"rating_{index}")
            if not name or f"rating_{index}" in self.errors:
                continue
            if rating is None:
                if name.casefold() not in self.prefilled:
                    self.add_error(f"rating_{index}", f"Rate {name} from 1 to 5.")
                continue
            ratings[name] = rating
        if not ratings and not self.errors:
            raise forms.ValidationError("Name and rate at least one criterion.")
        cleaned["ratings"] = ratings
        return cleaned


def _initial(scorecard) -> tuple[dict, int]:
    """The form's initial values (your scorecard, or the default criteria) and its rows."""
    if scorecard is None:
        names, initial, ratings = list(DEFAULT_CRITERIA), {}, {}
    else:
        ratings = scorecard.ratings
        names = list(ratings)
        initial = {"recommendation": scorecard.recommendation, "notes": scorecard.notes}
    for index, name in enumerate(names):
        initial[f"criterion_{index}"] = name
        if name in ratings:
            initial[f"rating_{index}"] = str(ratings[name])
    return initial, len(names) + EMPTY_ROWS


def _detail(user, application_id) -> dict:
    try:
        return candidate_detail(user=user, application_id=application_id)
    except ApplicationNotFound as exc:
        raise Http404 from exc


def _page(request, detail: dict, form: ScorecardForm):
    application = detail["application"]
    stage_labels = dict(Stage.choices)
    context = {
        **detail,
        "job": application.job,
        "fit_gauge": gauge(application.fit_score) if application.fit_score is not None else None,
        "fit": application.fit or {},
        "skill_groups": skill_groups((detail["resume_summary"] or {}).get("skills") or {}),
        "form": form,
        "move_choices": [(stage, stage_labels[stage]) for stage in detail["allowed_next_stages"]],
        "recommendation_rows": [
            (label, detail["scorecards_summary"]["recommendations"][value])
            for value, label in Recommendation.choices
        ],
    }
    return render(request, "ats/candidate.html", context)


@require_GET
@recruiter_required
def candidate_view(request, application_id):
    detail = _detail(request.user, application_id)
    initial, rows = _initial(detail["own_scorecard"])
    return _page(request, detail, ScorecardForm(initial=initial, rows=rows))


@require_GET
@recruiter_required
def resume_download_view(request, application_id):
    """The applicant's resume file, for the job's recruiter (audited)."""
    try:
        application = application_get_managed(user=request.user, application_id=application_id)
        download = application_resume_download(
            application=application, user=request.user, ip=client_ip(request)
        )
    except (ApplicationNotFound, NoResumeFile) as error:
        raise Http404 from error
    return file_response(download.content, download.content_type, download.filename)


@require_POST
@recruiter_required
def scorecard_view(request, application_id):
    try:
        application = application_get_for_review(user=request.user, application_id=application_id)
    except ApplicationNotFound as exc:
        raise Http404 from exc
    rows = _posted_rows(request.POST)
    form = ScorecardForm(request.POST, rows=rows, prefilled=_prefilled(application, request.user))
    if form.is_valid():
        try:
            _, created = scorecard_submit(
                application=application,
                author=request.user,
                ratings=form.cleaned_data["ratings"],
                recommendation=form.cleaned_data["recommendation"],
                notes=form.cleaned_data["notes"],
            )
        except InvalidInput as exc:
            add_service_errors(form, exc)
        else:
            verb = "saved" if created else "updated"
            messages.success(request, f"Your scorecard is {verb}.")
            return redirect("ats:candidate", application_id=application.pk)
    return _page(request, _detail(request.user, application_id), form)


def _prefilled(application, user) -> list[str]:
    """The criteria the form offered filled in: the reviewer's earlier ones, or the defaults."""
    own = application.scorecards.filter(author=user).only("ratings").first()
    return list(own.ratings) if own is not None else list(DEFAULT_CRITERIA)


def _posted_rows(data) -> int:
    """How many criterion rows the submitted form had (bounded by MAX_CRITERIA)."""
    return sum(1 for index in range(MAX_CRITERIA) if f"criterion_{index}" in data)
