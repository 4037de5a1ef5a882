"""How job fields read on the pages, for Job objects and the job dicts of match results."""

from django import template

from jobs.models import ExperienceLevel, JobType, SalaryPeriod, WorkMode

register = template.Library()


def _field(job, name: str):
    return job.get(name) if isinstance(job, dict) else getattr(job, name, None)


def _label(choices, value) -> str:
    try:
        return choices(value).label
    except ValueError:
        return str(value or "")


@register.filter
def salary(job) -> str:
    """'USD 90,000-120,000 per year' (with an en dash), 'From EUR 50,000 per year', the
    free text, or ''."""
    low, high = _field(job, "salary_min"), _field(job, "salary_max")
    if not low and not high:
        return _field(job, "salary_text") or ""
    currency = _field(job, "salary_currency") or ""
    if low and high:
        amount = f"{low:,}" if low == high else f"{low:,}\u2013{high:,}"
    else:
        amount = f"{low or high:,}"
    text = f"{currency} {amount}".strip()
    if not (low and high):
        text = f"From {text}" if low else f"Up to {text}"
    period = _field(job, "salary_period")
    return f"{text} {_label(SalaryPeriod, period)}" if period else text


@register.filter
def work_mode_label(value) -> str:
    return _label(WorkMode, value)


@register.filter
def job_type_label(value) -> str:
    return _label(JobType, value)


@register.filter
def level_label(value) -> str:
    return _label(ExperienceLevel, value) if value else ""


@register.filter
def contains(collection, item) -> bool:
    """`{{ saved_ids|contains:job.pk }}`: whether the set holds the item."""
    return item in collection


@register.filter
def amount(value) -> str:
    """12345 -> '12,345'."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)
