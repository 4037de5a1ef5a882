"""Scores of every indexed job for one resume at once: numpy and scipy, no loop over jobs.

Five parts, each 0..1, weighted into a 0..100 score (the weights sum to 100):

* required skills (45): the share of the job's required skills the resume has. A skill counts
  when the resume names it or a skill implying it (Django → Python), compared by casefolded
  canonical name; a job naming no required skill is measured by its preferred ones. This is
  `skill_match`'s match_percentage / 100, job for job.
* preferred skills (10): the share of its preferred skills. A job naming none gets half the
  required share (NO_PREFERRED_SHARE), as if you had half its extras: the same as a job whose
  extras you half cover, so listing none neither helps nor hurts. No skills at all: 0.
* similarity (25): the cosine of the resume's text vector and the job's, rescaled per backend
  from the range such pairs show (SIMILARITY_RANGES) to 0..1.
* experience (12): the job's level against the resume's, read from its years of experience.
* location (8): remote, near the preferred location, in the same country, or how far a hybrid
  or on-site job asks you to move.

Experience and location say how well a job fits once you could do it, so they count in
proportion to the job's relevance (the larger of the required-skill and similarity parts) up
to RELEVANCE_FOR_FIT, and in full beyond: a job you could not do gets nothing for being in
your city at your level, and sinks below the jobs of your field.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from jobs.matching.index import LEVELS, MODES, UNKNOWN, IndexSnapshot
from jobs.matching.locations import is_broad_place
from jobs.vectors import SPARSE_BACKEND

WEIGHTS = {
    "required_skills": 45,
    "preferred_skills": 10,
    "similarity": 25,
    "experience": 12,
    "location": 8,
}
# Cosines at or below the low end score 0, at or above the high end 1. TF-IDF (the labelled
# set in tests/jobs/labelled): a resume and a job of another field share almost no weighted
# features (cosine 0-0.07: noise), of a neighbouring field 0.1-0.3, of its own 0.4-0.8. Sentence
# embeddings of any two English texts sit near 0.1-0.2, of a resume and a fitting job 0.6-0.7.
SIMILARITY_RANGES = {"tfidf": (0.05, 0.6), "embeddings": (0.15, 0.70)}
NO_PREFERRED_SHARE = 0.5
# Relevance from which experience and location count in full.
RELEVANCE_FOR_FIT = 0.5
# Resume levels by total years of experience: under 2 entry, under 5 mid, under 8 senior.
LEVEL_YEARS = (2, 5, 8)
EXACT_LEVEL = 1.0
ONE_LEVEL_BELOW = 0.7  # the job asks one level less than the resume: over-qualified
ONE_LEVEL_ABOVE = 0.6  # the job asks one level more: a stretch
FAR_LEVEL = 0.2
UNKNOWN_LEVEL = 0.7  # the job or the resume does not say
REMOTE_FIT = 1.0  # a remote job, and remote work is acceptable
NEAR_FIT = 1.0  # the job's location shares a city with the preferred location
SAME_COUNTRY_FIT = 0.5  # it shares only a country (or state): a move, within borders
NO_PREFERENCE_FIT = 0.6  # no preferred location to compare with
UNSTATED_PLACE_FIT = 0.5  # the job gives no location
HYBRID_AWAY_FIT = 0.3
ONSITE_AWAY_FIT = 0.1
PARTS = tuple(WEIGHTS)


@dataclass(frozen=True)
class ResumeProbe:
    """The resume side of a match, read once per request."""

    skills: tuple[str, ...]  # canonical names, as an analysis reads them
    skill_keys: frozenset[str]  # those and the skills they imply, casefolded
    text: str  # neutralised: no name, contact detail or gendered word
    vector: np.ndarray  # the neutralised text, embedded with `backend`
    backend: str
    years: float | None
    level: int  # LEVELS code, UNKNOWN without years
    places: frozenset[str]  # of the preferred location; empty: no preference
    work_modes: frozenset[str]


def level_for_years(years: float | None) -> int:
    if years is None:
        return UNKNOWN
    return sum(1 for bound in LEVEL_YEARS if years >= bound)


def experience_table(resume_level: int) -> np.ndarray:
    """Fit by job level code + 1 (index 0: the job gives no level)."""
    table = np.full(len(LEVELS) + 1, UNKNOWN_LEVEL)
    if resume_level == UNKNOWN:
        return table
    for job_level in range(len(LEVELS)):
        gap = resume_level - job_level
        table[job_level + 1] = {0: EXACT_LEVEL, 1: ONE_LEVEL_BELOW, -1: ONE_LEVEL_ABOVE}.get(
            gap, FAR_LEVEL
        )
    return table


def _indicator(keys, ids: dict[str, int], width: int) -> np.ndarray:
    vector = np.zeros(width, dtype=np.float32)
    found = [index for key in keys if (index := ids.get(key)) is not None and index < width]
    vector[found] = 1.0
    return vector


def _matched(snapshot: IndexSnapshot, probe: ResumeProbe, which: str) -> np.ndarray:
    parts = []
    for block in snapshot.blocks:
        matrix = getattr(block, which)
        have = _indicator(probe.skill_keys, snapshot.skill_ids, matrix.shape[1])
        parts.append(matrix @ have)
    return np.concatenate(parts).astype(np.float64) if parts else np.zeros(0)


def _sharing(snapshot: IndexSnapshot, places: frozenset[str]) -> np.ndarray:
    """Rows whose location names any of these places."""
    parts = []
    for block in snapshot.blocks:
        wanted = _indicator(places, snapshot.place_ids, block.places.shape[1])
        parts.append(block.places @ wanted > 0)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def cosines(snapshot: IndexSnapshot, probe: ResumeProbe) -> np.ndarray:
    """Cosine of the resume's vector with every row's (both are unit length)."""
    vector = np.asarray(probe.vector, dtype=np.float32)
    if probe.backend != snapshot.backend:  # the setting changed between the two reads
        return np.zeros(snapshot.size)
    if snapshot.backend == SPARSE_BACKEND:
        row = sparse.csr_matrix(vector.reshape(1, -1))
        parts = [(row @ block.text).toarray().ravel() for block in snapshot.blocks]
    else:
        parts = [
            block.text @ vector if block.text.shape[1] == len(vector) else np.zeros(block.size)
            for block in snapshot.blocks
        ]
    return np.concatenate(parts).astype(np.float64) if parts else np.zeros(0)


def _coverage(matched: np.ndarray, count: np.ndarray) -> np.ndarray:
    return np.divide(matched, count, out=np.zeros_like(matched), where=count > 0)


def score_parts(snapshot: IndexSnapshot, probe: ResumeProbe) -> dict[str, np.ndarray]:
    """Each part 0..1 for every row, plus "cosine" (the raw text similarity)."""
    required_count, preferred_count = snapshot.required_count, snapshot.preferred_count
    required_share = _coverage(_matched(snapshot, probe, "required"), required_count)
    preferred_share = _coverage(_matched(snapshot, probe, "preferred"), preferred_count)
    required = np.where(required_count > 0, required_share, preferred_share)
    preferred = np.where(preferred_count > 0, preferred_share, NO_PREFERRED_SHARE * required)
    cosine = cosines(snapshot, probe)
    low, high = SIMILARITY_RANGES.get(snapshot.backend, SIMILARITY_RANGES[SPARSE_BACKEND])
    text = np.clip((cosine - low) / (high - low), 0.0, 1.0)
    relevance = np.minimum(np.maximum(required, text) / RELEVANCE_FOR_FIT, 1.0)
    level = experience_table(probe.level)[snapshot.level.astype(np.int64) + 1]
    return {
        "required_skills": required,
        "preferred_skills": preferred,
        "similarity": text,
        "experience": level * relevance,
        "location": _location_fit(snapshot, probe) * relevance,
        "cosine": cosine,
    }


def _location_fit(snapshot: IndexSnapshot, probe: ResumeProbe) -> np.ndarray:
    remote = snapshot.mode == MODES.index("remote")
    if probe.places:
        broad = frozenset(place for place in probe.places if is_broad_place(place))
        near = _sharing(snapshot, probe.places - broad)
        same_country = _sharing(snapshot, broad)
        away = np.where(snapshot.mode == MODES.index("hybrid"), HYBRID_AWAY_FIT, ONSITE_AWAY_FIT)
        away = np.where(same_country, np.maximum(away, SAME_COUNTRY_FIT), away)
        fit = np.where(near, NEAR_FIT, np.where(snapshot.has_place, away, UNSTATED_PLACE_FIT))
    else:
        fit = np.full(snapshot.size, NO_PREFERENCE_FIT)
    remote_fit = REMOTE_FIT if "remote" in probe.work_modes else ONSITE_AWAY_FIT
    return np.where(remote, remote_fit, fit)


def total_scores(parts: dict[str, np.ndarray]) -> np.ndarray:
    """The weighted sum of the parts, rounded half up to an int 0..100."""
    total = sum(weight * parts[name] for name, weight in WEIGHTS.items())
    return np.clip(np.floor(np.asarray(total, dtype=np.float64) + 0.5), 0, 100).astype(np.int64)


def breakdown(parts: dict[str, np.ndarray], row: int) -> dict[str, int]:
    """Each part of one row as 0..100 of its own weight."""
    return {name: int(np.floor(100 * parts[name][row] + 0.5)) for name in PARTS}


def top_rows(scores: np.ndarray, ids: np.ndarray, mask: np.ndarray, count: int) -> np.ndarray:
    """Rows of the `count` best masked scores, best first; equal scores by job id, newest first."""
    candidates = np.flatnonzero(mask)
    if not len(candidates) or count <= 0:
        return np.zeros(0, dtype=np.int64)
    # One int64 key orders by score, then id: ids stay far below 2**63 / 101.
    keys = scores[candidates] * (int(ids.max()) + 1) + ids[candidates]
    if len(candidates) > count:
        best = np.argpartition(-keys, count - 1)[:count]
        candidates, keys = candidates[best], keys[best]
    return candidates[np.argsort(-keys, kind="stable")]


def work_mode_mask(snapshot: IndexSnapshot, work_modes: frozenset[str]) -> np.ndarray:
    codes = [MODES.index(mode) for mode in work_modes if mode in MODES]
    return np.isin(snapshot.mode, codes)
