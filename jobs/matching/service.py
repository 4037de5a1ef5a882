"""Ranking open jobs for a resume, and one job's compatibility with it."""

import time
from dataclasses import replace

import numpy as np

from ai.similarity import backend_name, embed, similarity
from ai.skills import expand_implied
from jobs.filters import JobFilters
from jobs.matching.explain import job_skill_match, reasons
from jobs.matching.index import MODES, match_index, skill_key, snapshot_for_jobs
from jobs.matching.locations import location_places
from jobs.matching.scoring import (
    WEIGHTS,
    ResumeProbe,
    breakdown,
    level_for_years,
    score_parts,
    top_rows,
    total_scores,
    work_mode_mask,
)
from jobs.models import VECTOR_FIELDS
from jobs.selectors import jobs_list, jobs_open
from jobs.targets import job_target
from resumes.analysis import skill_gap_recommendations, skill_match
from resumes.analysis.evidence import resume_evidence
from resumes.errors import ResumeNotReadable

# Candidates read beyond `limit`, so a job deleted since the index last refreshed leaves no gap.
EXTRA_CANDIDATES = 10
MAX_ROUNDS = 3
SUMMARY_FIELDS = (
    "id",
    "title",
    "company",
    "location",
    "work_mode",
    "job_type",
    "experience_level",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "short_code",
)


def match_preferences(preferences: dict | None, profile: dict) -> dict:
    """The location (default: the resume's) and the work modes (default: all) a match uses.

    An empty location string means no location preference.
    """
    preferences = preferences or {}
    location = preferences.get("location")
    if location is None:
        location = (profile.get("personal_info") or {}).get("location")
    modes = [mode for mode in MODES if mode in set(preferences.get("work_modes") or MODES)]
    return {"location": location or None, "work_modes": modes}


def resume_probe(resume, *, preferences: dict, backend: str) -> ResumeProbe:
    """The resume side of a match: neutralised skills and text (names never count), years."""
    if not resume.text or resume.parsed_data is None:
        raise ResumeNotReadable()
    profile = resume.parsed_data or {}
    evidence = resume_evidence(resume.text, profile)
    years = profile.get("total_experience_years")
    years = float(years) if isinstance(years, int | float) else None
    return ResumeProbe(
        skills=evidence.skills,
        skill_keys=frozenset(skill_key(name) for name in expand_implied(evidence.skills)),
        text=evidence.text,
        vector=embed([evidence.text])[0],
        backend=backend,
        years=years,
        level=level_for_years(years),
        places=location_places(preferences["location"]),
        work_modes=frozenset(preferences["work_modes"]),
    )


def job_summary(job) -> dict:
    return {name: getattr(job, name) for name in SUMMARY_FIELDS} | {"job_link": job.share_path}


def _restricts(filters: JobFilters | None) -> bool:
    """Whether the filters narrow the jobs (a sort order alone does not)."""
    return filters is not None and replace(filters, sort_by="", sort_order="desc") != JobFilters()


def match_jobs(
    *,
    resume,
    filters: JobFilters | None = None,
    preferences: dict | None = None,
    limit: int = 20,
    user=None,
) -> dict:
    """Open jobs ranked for the resume, best first, each with its score and the reasons."""
    preferences = match_preferences(preferences, resume.parsed_data or {})
    probe = resume_probe(resume, preferences=preferences, backend=backend_name())
    snapshot = match_index().snapshot()
    mask = snapshot.open_mask(time.time()) & work_mode_mask(snapshot, probe.work_modes)
    if _restricts(filters):
        allowed = jobs_list(user=user, filters=filters).order_by().values_list("id", flat=True)
        mask &= snapshot.row_mask(allowed)
    parts = score_parts(snapshot, probe)
    scores = total_scores(parts)
    rows, jobs = _top_open(snapshot, scores, mask, limit + EXTRA_CANDIDATES)
    rows = _distinct(rows, snapshot, jobs)[:limit]
    items = [_item(jobs[int(snapshot.ids[row])], row, parts, scores, probe) for row in rows]
    return {
        "resume_id": str(resume.pk),
        "backend": snapshot.backend,
        "considered": int(mask.sum()),
        "weights": WEIGHTS,
        "preferences": preferences,
        "items": items,
    }


def _top_open(snapshot, scores, mask, limit: int) -> tuple[list[int], dict]:
    """The best `limit` rows whose jobs are still open, read in one query (more only when
    some turned out deleted or closed), and those jobs by id."""
    mask = mask.copy()
    chosen, jobs = [], {}
    for _ in range(MAX_ROUNDS):
        rows = top_rows(scores, snapshot.ids, mask, limit - len(chosen) + EXTRA_CANDIDATES)
        if not len(rows):
            break
        found = jobs_open().defer(*VECTOR_FIELDS).in_bulk(snapshot.ids[rows].tolist())
        gone = [int(snapshot.ids[row]) for row in rows if int(snapshot.ids[row]) not in found]
        match_index().forget(gone)
        mask[rows] = False
        jobs.update(found)
        chosen += [int(row) for row in rows if int(snapshot.ids[row]) in found]
        if len(chosen) >= limit or not gone:
            break
    return chosen[:limit], jobs


def posting_key(job) -> tuple[str, str, str]:
    """What makes two rows the same posting to a candidate: the title, company and place,
    compared without case or spacing (a job re-posted, or imported from two feeds)."""
    return tuple(
        " ".join((value or "").casefold().split())
        for value in (job.title, job.company, job.location)
    )


def _distinct(rows: list[int], snapshot, jobs: dict) -> list[int]:
    """The rows best first with every posting once: the best-scored copy is kept."""
    seen, kept = set(), []
    for row in rows:
        job = jobs[int(snapshot.ids[row])]
        keys = {("id", job.pk), posting_key(job)}
        if seen & keys:
            continue
        seen |= keys
        kept.append(row)
    return kept


def _item(job, row: int, parts: dict, scores: np.ndarray, probe: ResumeProbe) -> dict:
    match = job_skill_match(probe, job)
    row_parts = {name: float(values[row]) for name, values in parts.items()}
    return {
        "job": job_summary(job),
        "score": int(scores[row]),
        "breakdown": breakdown(parts, row),
        "matched_skills": match["matched_skills"],
        "missing_required_skills": match["missing_required_skills"],
        "missing_preferred_skills": match["missing_preferred_skills"],
        "reasons": reasons(job, match, row_parts, probe),
    }


def job_compatibility(*, resume, job) -> dict:
    """How the resume meets one job: the match score and breakdown, and the skill match and
    skill gaps an analysis against this job would give."""
    preferences = match_preferences(None, resume.parsed_data or {})
    probe = resume_probe(resume, preferences=preferences, backend=backend_name())
    snapshot = snapshot_for_jobs([job])
    parts = score_parts(snapshot, probe)
    scores = total_scores(parts)
    target = job_target(job)
    match = skill_match(probe.skills, target)
    return {
        "resume_id": str(resume.pk),
        "job_id": job.pk,
        "job": job_summary(job),
        "score": int(scores[0]),
        "breakdown": breakdown(parts, 0),
        "weights": WEIGHTS,
        "reasons": reasons(job, match, {name: float(v[0]) for name, v in parts.items()}, probe),
        "skill_match_analysis": match,
        "skill_gap_recommendations": skill_gap_recommendations(match, target),
        "similarity": {
            "score": round(similarity(probe.text, job.description), 4),
            "backend": backend_name(),
        },
    }
