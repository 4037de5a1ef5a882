"""The recruiter's hiring analytics page: the funnel as a chart, conversion between stages,
time in each stage, time to hire and sources, for all their jobs or one (`?job=`).

The same `ats.analytics.ats_analytics` as the API. Chart sizes are computed here and written
as SVG attributes or <meter> values, never as inline style (the CSP forbids it).
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.models import Role
from accounts.permissions import role_required
from ats.analytics import ats_analytics
from ats.models import Application, ApplicationSource
from ats.selectors import jobs_managed_by
from ats.stages import Stage

recruiter_required = role_required(Role.RECRUITER)

# The funnel chart's geometry (SVG user units): a label column, the bars centred in theirs,
# then the numbers.
FUNNEL_ROW = 40
FUNNEL_BAR = 26
FUNNEL_LABEL_X = 168
FUNNEL_BARS_X = 180
FUNNEL_BARS_WIDTH = 340
FUNNEL_VALUE_X = FUNNEL_BARS_X + FUNNEL_BARS_WIDTH + 12
FUNNEL_WIDTH = 640


class AnalyticsFilterForm(forms.Form):
    job = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="All my jobs", label="Job"
    )
    since = forms.DateField(
        required=False,
        label="Applied from",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        required=False,
        label="Applied until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The jobs that have applicants: an admin's list would otherwise hold every job.
        with_applicants = Exists(Application.objects.filter(job=OuterRef("pk")))
        self.fields["job"].queryset = (
            jobs_managed_by(user=user)
            .filter(with_applicants)
            .only("id", "title", "company")
            .order_by("title", "id")
        )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "Choose a day on or after the first one.")
        return cleaned


@recruiter_required
@require_GET
def analytics_view(request):
    form = AnalyticsFilterForm(request.GET, user=request.user)
    analytics = job = None
    if form.is_valid():
        job = form.cleaned_data["job"]
        analytics = ats_analytics(
            user=request.user,
            job_id=job.pk if job else None,
            since=form.cleaned_data["since"],
            until=form.cleaned_data["until"],
        )
    context = {"form": form, "analytics": analytics, "job": job}
    if analytics is not None:
        context["charts"] = analytics_charts(analytics)
    return render(request, "ats/analytics.html", context)


# --- Chart shapes --------------------------------------------------------------------------


def analytics_charts(analytics: dict) -> dict:
    return {
        "funnel": funnel_chart(analytics["funnel"], total=analytics["applications"]),
        "conversion": conversion_rows(analytics["conversion"]),
        "time_in_stage": duration_rows(analytics["time_in_stage"]),
        "sources": source_rows(analytics["by_source"]),
        "hired": next(
            item["current"] for item in analytics["funnel"] if item["stage"] == Stage.HIRED
        ),
    }


def _label(stage: str) -> str:
    return Stage(stage).label


def funnel_chart(funnel: list[dict], *, total: int) -> dict:
    """A bar per stage centred on one axis, as wide as the applications that reached it, and
    inside it a darker bar for those in the stage now."""

    def width(count: int) -> float:
        return round(count / total * FUNNEL_BARS_WIDTH, 1) if total else 0

    centre = FUNNEL_BARS_X + FUNNEL_BARS_WIDTH / 2
    rows = []
    for index, item in enumerate(funnel):
        reached, current = width(item["reached"]), width(item["current"])
        top = index * FUNNEL_ROW + (FUNNEL_ROW - FUNNEL_BAR) / 2
        rows.append(
            {
                **item,
                "label": _label(item["stage"]),
                "share": round(item["reached"] / total * 100, 1) if total else 0,
                "y": top,
                "text_y": top + FUNNEL_BAR / 2 + 5,
                "reached_x": round(centre - reached / 2, 1),
                "reached_width": max(reached, 1),
                "current_x": round(centre - current / 2, 1),
                "current_width": current,
            }
        )
    return {
        "rows": rows,
        "width": FUNNEL_WIDTH,
        "height": FUNNEL_ROW * len(funnel),
        "bar_height": FUNNEL_BAR,
        "label_x": FUNNEL_LABEL_X,
        "value_x": FUNNEL_VALUE_X,
    }


def conversion_rows(conversion: list[dict]) -> list[dict]:
    return [
        {
            **item,
            "from_label": _label(item["from"]),
            "to_label": _label(item["to"]),
            "percent": None if item["rate"] is None else round(item["rate"] * 100, 1),
        }
        for item in conversion
    ]


def duration_rows(durations: list[dict]) -> list[dict]:
    longest = max((item["average_days"] or 0 for item in durations), default=0)
    return [{**item, "label": _label(item["stage"]), "max": max(longest, 1)} for item in durations]


def source_rows(sources: list[dict]) -> list[dict]:
    return [
        {
            **item,
            "label": ApplicationSource(item["source"]).label,
            "percent": None if item["hire_rate"] is None else round(item["hire_rate"] * 100, 1),
        }
        for item in sources
    ]
