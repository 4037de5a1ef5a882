"""Full-text search of jobs: PostgreSQL ranks its weighted search vector; SQLite falls back
to word matching scored by where each word was found.

Both annotate `exact_title` (1 when the title is the query itself) and `relevance`, and
order by them in that order: an exact title beats any passing mention in a description.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.db.models.lookups import Exact

# SearchRank weights for D, C, B, A: description, company/location, skills, title.
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]
RELEVANCE_ORDER = ("-exact_title", "-relevance")
# SQLite fallback scores: where a word was found, summed over the words.
EXACT_TITLE_SCORE = 8
TITLE_SCORE = 4
SKILLS_SCORE = 2
DESCRIPTION_SCORE = 1
MAX_FALLBACK_WORDS = 10


def skill_condition(key: str) -> Q:
    """Jobs listing the skill `key` (casefolded canonical name), required or preferred."""
    if connection.vendor == "postgresql":
        return Q(skill_keys__contains=[key])  # jsonb @>, served by the GIN index
    return Q(skill_keys__icontains=f'"{key}"')  # the JSON text holds each key quoted


def jobs_search(jobs: QuerySet, q: str) -> QuerySet:
    """Jobs matching `q`, annotated with `exact_title` and `relevance` (not ordered)."""
    exact = Case(
        When(Exact(Lower("title"), q.lower()), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    jobs = jobs.annotate(exact_title=exact)
    if connection.vendor == "postgresql":
        return _postgresql(jobs, q)
    return _fallback(jobs, q)


def _postgresql(jobs: QuerySet, q: str) -> QuerySet:
    query = SearchQuery(q, search_type="websearch", config="english")
    rank = SearchRank(F("search_vector"), query, weights=RANK_WEIGHTS)
    return jobs.filter(search_vector=query).annotate(relevance=rank)


def _fallback(jobs: QuerySet, q: str) -> QuerySet:
    """Every word in the title, skills, company or description; `-word` excludes."""
    words = [word.strip('"').casefold() for word in q.split()]
    words = [word for word in words if word and word not in {"or", "-"}][:MAX_FALLBACK_WORDS]
    score = Value(EXACT_TITLE_SCORE) * F("exact_title")
    for word in words:
        if word.startswith("-"):
            jobs = jobs.exclude(_found(word[1:]))
            continue
        jobs = jobs.filter(_found(word))
        score = score + _points(Q(title__icontains=word), TITLE_SCORE)
        score = score + _points(Q(skill_keys__icontains=word), SKILLS_SCORE)
        score = score + _points(Q(description__icontains=word), DESCRIPTION_SCORE)
    return jobs.annotate(relevance=score)


def _found(word: str) -> Q:
    return (
        Q(title__icontains=word)
        | Q(skill_keys__icontains=word)
        | Q(company__icontains=word)
        | Q(description__icontains=word)
    )


def _points(condition: Q, points: int) -> Case:
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())
