"""Scorecards: structured feedback on an application, one per reviewer, and their summary.

Who reviews: the job's owner and admins (who manage the application), and domain experts,
who may score any application (they are the subject-matter reviewers recruiters call in).
Recruiters score only applications to their own jobs; anyone else gets a 404, as for every
other application endpoint.
"""

from statistics import fmean

from django.db import transaction

from ats.errors import ApplicationNotFound
from ats.models import Application, Recommendation, Scorecard
from ats.selectors import application_may_review
from core.errors import InvalidInput

MIN_RATING, MAX_RATING = 1, 5
MAX_CRITERIA = 10
MAX_CRITERION_LENGTH = 60
MAX_NOTES_LENGTH = 5000


def scorecard_ratings_clean(ratings) -> dict[str, int]:
    """Ratings as {criterion: 1..5}: 1 to 10 criteria, names trimmed, at most 60 characters,
    distinct regardless of case; whole numbers only. Raises InvalidInput (400) naming the field."""
    if not isinstance(ratings, dict) or not ratings:
        raise InvalidInput({"ratings": ["Rate at least one criterion."]})
    if len(ratings) > MAX_CRITERIA:
        raise InvalidInput({"ratings": [f"Rate at most {MAX_CRITERIA} criteria."]})
    cleaned: dict[str, int] = {}
    seen: set[str] = set()
    errors: list[str] = []
    for raw_name, value in ratings.items():
        name = " ".join(str(raw_name).split())
        if not name or len(name) > MAX_CRITERION_LENGTH:
            errors.append(f"Criterion names are 1 to {MAX_CRITERION_LENGTH} characters.")
            continue
        if name.casefold() in seen:
            errors.append(f"{name} is rated twice.")
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{name}: give a whole number from {MIN_RATING} to {MAX_RATING}.")
            continue
        if not MIN_RATING <= value <= MAX_RATING:
            errors.append(f"{name}: ratings go from {MIN_RATING} to {MAX_RATING}.")
            continue
        seen.add(name.casefold())
        cleaned[name] = value
    if errors:
        raise InvalidInput({"ratings": errors})
    return cleaned


def _recommendation_clean(recommendation) -> str:
    if recommendation not in Recommendation.values:
        choices = ", ".join(Recommendation.values)
        raise InvalidInput({"recommendation": [f"Choose one of: {choices}."]})
    return recommendation


def _notes_clean(notes) -> str:
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES_LENGTH:
        raise InvalidInput({"notes": [f"At most {MAX_NOTES_LENGTH} characters."]})
    return notes


@transaction.atomic
def scorecard_submit(
    *, application: Application, author, ratings: dict, recommendation: str, notes: str = ""
) -> tuple[Scorecard, bool]:
    """Create the author's scorecard on the application, or replace their earlier one.

    Returns the scorecard and whether it was created. Someone who may not review the
    application gets the same 404 as for a missing one.
    """
    if not application_may_review(user=author, application=application):
        raise ApplicationNotFound()
    values = {
        "ratings": scorecard_ratings_clean(ratings),
        "recommendation": _recommendation_clean(recommendation),
        "notes": _notes_clean(notes),
    }
    # update_or_create locks an existing row and retries a racing insert on the unique
    # (application, author) constraint, so two submissions never make two scorecards.
    return Scorecard.objects.update_or_create(
        application=application, author=author, defaults=values
    )


def scorecards_of(application: Application) -> list[Scorecard]:
    return list(application.scorecards.select_related("author").order_by("created_at", "id"))


def scorecards_summary(application: Application, scorecards: list | None = None) -> dict:
    """Counts and averages over the application's scorecards (pass them to save a query).

    `average_by_criterion` groups criteria regardless of case under the first spelling seen;
    `overall_average` is the mean of each scorecard's own average, so every reviewer weighs
    the same however many criteria they rated. Averages are rounded to 2 places.
    """
    if scorecards is None:
        scorecards = scorecards_of(application)
    by_key: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for scorecard in scorecards:
        for name, value in scorecard.ratings.items():
            key = name.casefold()
            names.setdefault(key, name)
            by_key.setdefault(key, []).append(value)
    own_averages = [fmean(card.ratings.values()) for card in scorecards if card.ratings]
    recommendations = dict.fromkeys(Recommendation.values, 0)
    for scorecard in scorecards:
        recommendations[scorecard.recommendation] += 1
    return {
        "count": len(scorecards),
        "average_by_criterion": {
            names[key]: round(fmean(values), 2) for key, values in by_key.items()
        },
        "overall_average": round(fmean(own_averages), 2) if own_averages else None,
        "recommendations": recommendations,
    }
