"""The match score's parts on in-memory index rows: levels, places, relevance, ranking order."""

import time

import numpy as np
import pytest

from ai.similarity import embed
from jobs.matching.index import (
    LEVELS,
    MODES,
    UNKNOWN,
    IndexSnapshot,
    JobRow,
    block_from_rows,
    skill_key,
)
from jobs.matching.locations import is_broad_place, location_places
from jobs.matching.scoring import (
    WEIGHTS,
    ResumeProbe,
    experience_table,
    level_for_years,
    score_parts,
    top_rows,
    total_scores,
)

PYTHON_TEXT = "Python Django PostgreSQL backend services and APIs"


def snapshot_of(*jobs: dict) -> IndexSnapshot:
    """Rows from dicts: text, required, preferred (names), level, mode, location."""
    skills: dict[str, int] = {}
    places: dict[str, int] = {}
    vectors = embed([job.get("text", PYTHON_TEXT) for job in jobs])
    rows = []
    for job_id, (job, vector) in enumerate(zip(jobs, vectors, strict=True), start=1):

        def ids(names, vocabulary):
            return tuple(vocabulary.setdefault(name, len(vocabulary)) for name in names)

        buckets = np.flatnonzero(vector).astype(np.int32)
        rows.append(
            JobRow(
                job_id=job_id,
                text=(buckets, vector[buckets]),
                required=ids([skill_key(n) for n in job.get("required", ())], skills),
                preferred=ids([skill_key(n) for n in job.get("preferred", ())], skills),
                level=LEVELS.index(job["level"]) if job.get("level") else UNKNOWN,
                mode=MODES.index(job.get("mode", "onsite")),
                places=ids(sorted(location_places(job.get("location", ""))), places),
                end_ts=np.inf,
                updated_ts=0.0,
            )
        )
    block = block_from_rows(rows, "tfidf", len(skills), len(places))
    return IndexSnapshot(
        backend="tfidf",
        version=1,
        checked_at=time.monotonic(),
        blocks=(block,),
        active=np.ones(block.size, dtype=bool),
        skill_ids=skills,
        place_ids=places,
    )


def probe(*, skills=("Python", "Django"), years=6.0, location="London, UK", modes=MODES):
    return ResumeProbe(
        skills=tuple(skills),
        skill_keys=frozenset(skill_key(name) for name in skills),
        text=PYTHON_TEXT,
        vector=embed([PYTHON_TEXT])[0],
        backend="tfidf",
        years=years,
        level=level_for_years(years),
        places=location_places(location),
        work_modes=frozenset(modes),
    )


@pytest.mark.parametrize(
    "years,level",
    [(None, UNKNOWN), (0, 0), (1.9, 0), (2, 1), (4.9, 1), (5, 2), (7.9, 2), (8, 3), (30, 3)],
)
def test_years_of_experience_give_a_level(years, level):
    assert level_for_years(years) == level


def test_experience_fit_by_level_gap():
    senior = experience_table(LEVELS.index("senior"))
    assert senior.tolist() == [0.7, 0.2, 0.7, 1.0, 0.6]  # unknown, entry, mid, senior, lead
    assert experience_table(UNKNOWN).tolist() == [0.7] * 5


def test_places_fold_country_names_and_know_broad_ones():
    assert location_places("London, United Kingdom") == {"london", "uk"}
    assert location_places("Austin, TX") == {"austin", "tx", "us"}
    assert location_places("Greater London Area") == {"london"}
    assert location_places("Remote") == frozenset()
    assert is_broad_place("uk") and is_broad_place("germany") and not is_broad_place("london")


def test_location_fit_for_each_kind_of_place():
    snapshot = snapshot_of(
        {"mode": "remote", "location": "Tokyo, Japan"},
        {"mode": "onsite", "location": "London, UK"},
        {"mode": "hybrid", "location": "Manchester, UK"},
        {"mode": "hybrid", "location": "Berlin, Germany"},
        {"mode": "onsite", "location": "Berlin, Germany"},
        {"mode": "onsite", "location": ""},
    )
    parts = score_parts(snapshot, probe())
    assert parts["location"].tolist() == [1.0, 1.0, 0.5, 0.3, 0.1, 0.5]
    anywhere = score_parts(snapshot, probe(location=None))
    assert anywhere["location"].tolist() == [1.0, 0.6, 0.6, 0.6, 0.6, 0.6]


def test_a_job_naming_no_required_skill_is_measured_by_its_preferred_ones():
    snapshot = snapshot_of(
        {"preferred": ["Python", "Kafka"]},
        {"required": ["Python"], "preferred": []},
        {},
    )
    parts = score_parts(snapshot, probe())
    assert parts["required_skills"].tolist() == [0.5, 1.0, 0.0]
    assert parts["preferred_skills"].tolist() == [0.5, 0.5, 0.0]


def test_level_and_place_count_only_as_far_as_the_job_is_relevant():
    snapshot = snapshot_of(
        {"required": ["Python"], "level": "senior", "location": "London, UK"},
        {"required": ["Nursing"], "level": "senior", "location": "London, UK", "text": "Ward"},
    )
    parts = score_parts(snapshot, probe())
    assert parts["experience"].tolist() == [1.0, 0.0]
    assert parts["location"].tolist() == [1.0, 0.0]


def test_scores_are_the_weighted_parts_rounded_and_bounded():
    snapshot = snapshot_of(
        {"required": ["Python", "Django"], "preferred": ["Kafka"], "level": "senior"},
        {"required": ["Go"], "level": "entry", "text": "Go services"},
    )
    parts = score_parts(snapshot, probe())
    scores = total_scores(parts)
    for row, score in enumerate(scores):
        weighted = sum(weight * parts[name][row] for name, weight in WEIGHTS.items())
        assert score == int(np.floor(weighted + 0.5))
        assert 0 <= score <= 100
    assert sum(WEIGHTS.values()) == 100


def test_top_rows_order_by_score_then_newest_id_like_a_full_sort():
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 101, 5000)
    ids = rng.permutation(10_000)[:5000].astype(np.int64) + 1
    mask = rng.random(5000) > 0.3
    expected = sorted(np.flatnonzero(mask), key=lambda row: (-scores[row], -ids[row]))[:25]
    assert top_rows(scores, ids, mask, 25).tolist() == expected
    assert top_rows(scores, ids, np.zeros(5000, dtype=bool), 25).tolist() == []
