"""What the job pages draw, shaped for templates: chart geometry and match rows.

Sizes are computed here and written as SVG attributes or <meter> values, never as inline
style (the CSP forbids it).
"""

from datetime import date, datetime

from django.urls import reverse

from ai.skills import CATEGORY_LABELS
from jobs.models import WorkMode

SALARY_CHART_WIDTH = 300
SALARY_CHART_PAD = 6
WEEK_COLUMN = 40
WEEK_BAR = 26
WEEK_CHART_HEIGHT = 120
WEEK_CHART_TOP = 16
BREAKDOWN_LABELS = {
    "required_skills": "Required skills",
    "preferred_skills": "Nice-to-have skills",
    "similarity": "Text similarity",
    "experience": "Experience level",
    "location": "Location and work mode",
}


def skill_bars(demand: list[dict]) -> list[dict]:
    most = max((item["count"] for item in demand), default=0)
    return [
        {
            **item,
            "label": item["skill"],
            "category_label": CATEGORY_LABELS.get(item["category"], "Other"),
            "percent": round(item["share"] * 100, 1),
            "max": most,
        }
        for item in demand
    ]


def salary_rows(groups: list[dict], *, name: str) -> list[dict]:
    """Box-like ranges: a whisker min..max, a box p25..p75 and a median tick, on one scale per
    currency (amounts in different currencies are not comparable)."""
    scales = {}
    for group in groups:
        low, high = scales.get(group["currency"], (group["min"], group["max"]))
        scales[group["currency"]] = (min(low, group["min"]), max(high, group["max"]))
    return [
        {**group, "label": group[name], "shape": _box(group, *scales[group["currency"]])}
        for group in groups
    ]


def _box(group: dict, low: float, high: float) -> dict:
    span = SALARY_CHART_WIDTH - 2 * SALARY_CHART_PAD

    def x(value):
        share = (value - low) / (high - low) if high > low else 0.5
        return round(SALARY_CHART_PAD + share * span, 1)

    return {
        "width": SALARY_CHART_WIDTH,
        "whisker_x1": x(group["min"]),
        "whisker_x2": x(group["max"]),
        "box_x": x(group["p25"]),
        "box_width": max(round(x(group["p75"]) - x(group["p25"]), 1), 1),
        "median_x": x(group["median"]),
    }


def work_mode_segments(shares: dict[str, float]) -> list[dict]:
    """A stacked bar out of 100 units: one segment per work mode, remote first."""
    segments, start = [], 0.0
    for mode in (WorkMode.REMOTE, WorkMode.HYBRID, WorkMode.ONSITE):
        width = round(shares.get(mode.value, 0) * 100, 1)
        segments.append(
            {"mode": mode.value, "label": mode.label, "x": start, "width": width, "percent": width}
        )
        start = round(start + width, 1)
    return segments


def week_columns(weeks: list[dict]) -> dict:
    """A column per week under room for its count; the tallest reaches the top."""
    most = max((week["count"] for week in weeks), default=0)
    axis_y = WEEK_CHART_TOP + WEEK_CHART_HEIGHT
    columns = []
    for index, week in enumerate(weeks):
        height = round(week["count"] / most * WEEK_CHART_HEIGHT, 1) if most else 0
        columns.append(
            {
                **week,
                "day": date.fromisoformat(week["week_start"]),
                "x": index * WEEK_COLUMN + (WEEK_COLUMN - WEEK_BAR) / 2,
                "label_x": index * WEEK_COLUMN + WEEK_COLUMN / 2,
                "y": round(axis_y - height, 1),
                "count_y": round(axis_y - height - 4, 1),
                "height": height,
            }
        )
    return {
        "columns": columns,
        "bar_width": WEEK_BAR,
        "width": WEEK_COLUMN * len(weeks),
        "axis_y": axis_y,
        "label_y": axis_y + 16,
        "height": axis_y + 24,
    }


def insights_charts(insights: dict) -> dict:
    return {
        "skills": skill_bars(insights["demand_by_skill"]),
        "titles": salary_rows(insights["salary_by_title"], name="title"),
        "locations": salary_rows(insights["salary_by_location"], name="location"),
        "modes": work_mode_segments(insights["work_modes"]),
        "remote_percent": round(insights["remote_share"] * 100, 1),
        "weeks": week_columns(insights["postings_per_week"]),
        "generated_at": datetime.fromisoformat(insights["generated_at"]),
    }


def breakdown_bars(breakdown: dict, weights: dict | None = None) -> list[dict]:
    """The score's parts as 0-100 bars with their weight in the score, labels' order first."""
    order = list(BREAKDOWN_LABELS)
    keys = sorted(breakdown, key=lambda key: order.index(key) if key in order else len(order))
    return [
        {
            "label": BREAKDOWN_LABELS.get(key, key.replace("_", " ").capitalize()),
            "value": breakdown[key],
            "weight": (weights or {}).get(key),
        }
        for key in keys
    ]


def match_rows(items: list[dict], *, resume_id, weights: dict | None = None) -> list[dict]:
    """Match results with their bars and the links of each job."""
    return [
        {
            **item,
            "score": round(item["score"]),
            "bars": breakdown_bars(item["breakdown"], weights),
            "bars_id": f"match-{item['job']['id']}",
            "job_url": reverse("jobs:share", args=[item["job"]["short_code"]]),
            "gap_url": reverse("jobs:compatibility", args=[item["job"]["id"]])
            + f"?resume={resume_id}",
        }
        for item in items
    ]
