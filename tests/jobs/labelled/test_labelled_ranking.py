"""Matching on two labelled sets, ranked as a person would rank them: software (five resumes,
thirty-three postings) and other professions (six resumes and twenty-four postings of
nursing, accounting, office, legal, kitchen and electrical work)."""

from dataclasses import dataclass

import pytest

from ai.skills import canonical
from jobs.matching.service import match_jobs
from tests.jobs.factories import JobFactory
from tests.jobs.labelled import postings as software_postings
from tests.jobs.labelled import professions
from tests.jobs.labelled.postings import NOISE_SCORE
from tests.jobs.labelled.resumes import RESUMES as SOFTWARE_RESUMES
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class LabelledSet:
    resumes: dict
    postings: tuple
    expected_top: dict
    unsuitable: dict
    best_score_floor: int  # the clear best posting for a resume scores at least this


SETS = {
    "software": LabelledSet(
        SOFTWARE_RESUMES,
        software_postings.POSTINGS,
        software_postings.EXPECTED_TOP,
        software_postings.UNSUITABLE,
        best_score_floor=85,
    ),
    "professions": LabelledSet(
        professions.RESUMES,
        professions.POSTINGS,
        professions.EXPECTED_TOP,
        professions.UNSUITABLE,
        best_score_floor=80,
    ),
}
TOP_CASES = [
    (name, key) for name, labelled in SETS.items() for key in sorted(labelled.expected_top)
]
UNSUITABLE_CASES = [
    (name, key) for name, labelled in SETS.items() for key in sorted(labelled.unsuitable)
]


def saved_postings(labelled: LabelledSet) -> dict:
    """Posting key → saved job, skills read from each description."""
    return {
        posting.key: JobFactory(
            title=posting.title,
            company=posting.company,
            location=posting.location,
            work_mode=posting.work_mode,
            experience_level=posting.experience_level,
            job_type=posting.job_type,
            description=posting.description,
        )
        for posting in labelled.postings
    }


def ranking(set_name: str, resume_key: str) -> list[tuple[str, dict]]:
    labelled = SETS[set_name]
    postings = saved_postings(labelled)
    keys = {job.pk: key for key, job in postings.items()}
    resume = ResumeFactory(text=labelled.resumes[resume_key])
    body = match_jobs(resume=resume, limit=len(postings))
    assert body["considered"] == len(postings)
    return [(keys[item["job"]["id"]], item) for item in body["items"]]


def test_the_professions_set_is_large_enough():
    assert len(professions.RESUMES) >= 5
    assert len(professions.POSTINGS) >= 20


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_each_posting_requires_the_skills_it_lists(set_name):
    labelled = SETS[set_name]
    postings = saved_postings(labelled)
    for posting in labelled.postings:
        job = postings[posting.key]
        for name in posting.required:
            assert (canonical(name) or name) in job.required_skills, (posting.key, name)
        for name in posting.preferred:
            assert (canonical(name) or name) in job.preferred_skills, (posting.key, name)


@pytest.mark.parametrize(("set_name", "resume_key"), TOP_CASES)
def test_the_best_three_postings_come_first_in_order(set_name, resume_key):
    ranked = ranking(set_name, resume_key)
    assert tuple(key for key, _ in ranked[:3]) == SETS[set_name].expected_top[resume_key]


@pytest.mark.parametrize(("set_name", "resume_key"), UNSUITABLE_CASES)
def test_postings_of_another_field_rank_in_the_bottom_half(set_name, resume_key):
    ranked = ranking(set_name, resume_key)
    position = {key: index for index, (key, _) in enumerate(ranked)}
    score = {key: item["score"] for key, item in ranked}
    for key in SETS[set_name].unsuitable[resume_key]:
        assert position[key] >= len(ranked) // 2 or score[key] <= NOISE_SCORE, key


@pytest.mark.parametrize(("set_name", "resume_key"), UNSUITABLE_CASES)
def test_postings_of_another_field_score_below_every_posting_sharing_a_skill(set_name, resume_key):
    ranked = ranking(set_name, resume_key)
    unsuitable_keys = SETS[set_name].unsuitable[resume_key]
    unsuitable = max(item["score"] for key, item in ranked if key in unsuitable_keys)
    sharing = [item["score"] for _, item in ranked if item["matched_skills"]]
    assert sharing
    assert unsuitable < min(sharing)


@pytest.mark.parametrize(("set_name", "resume_key"), TOP_CASES)
def test_the_best_posting_covers_its_requirements_and_explains_itself(set_name, resume_key):
    _, best = ranking(set_name, resume_key)[0]
    assert best["score"] >= SETS[set_name].best_score_floor
    assert best["reasons"][0].startswith("Covers")
    assert not best["missing_required_skills"]
