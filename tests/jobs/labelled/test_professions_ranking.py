"""Matching outside software: six resumes and twenty-four postings of nursing, accounting,
office, legal, kitchen and electrical work, ranked as a person would rank them."""

import pytest

from ai.skills import canonical
from jobs.matching.service import match_jobs
from tests.jobs.factories import JobFactory
from tests.jobs.labelled.postings import NOISE_SCORE
from tests.jobs.labelled.professions import EXPECTED_TOP, POSTINGS, RESUMES, UNSUITABLE
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def postings():
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
        for posting in POSTINGS
    }


def ranking(resume_key: str, postings: dict) -> list[tuple[str, dict]]:
    keys = {job.pk: key for key, job in postings.items()}
    body = match_jobs(resume=ResumeFactory(text=RESUMES[resume_key]), limit=len(postings))
    assert body["considered"] == len(postings)
    return [(keys[item["job"]["id"]], item) for item in body["items"]]


def test_the_set_is_large_enough():
    assert len(RESUMES) >= 5
    assert len(POSTINGS) >= 20


def test_each_posting_requires_the_skills_it_lists(postings):
    for posting in POSTINGS:
        job = postings[posting.key]
        for name in posting.required:
            assert (canonical(name) or name) in job.required_skills, (posting.key, name)
        for name in posting.preferred:
            assert (canonical(name) or name) in job.preferred_skills, (posting.key, name)


@pytest.mark.parametrize("resume_key", sorted(EXPECTED_TOP))
def test_the_best_three_postings_come_first_in_order(resume_key, postings):
    ranked = ranking(resume_key, postings)
    assert tuple(key for key, _ in ranked[:3]) == EXPECTED_TOP[resume_key]


@pytest.mark.parametrize("resume_key", sorted(UNSUITABLE))
def test_postings_of_another_field_rank_in_the_bottom_half(resume_key, postings):
    ranked = ranking(resume_key, postings)
    position = {key: index for index, (key, _) in enumerate(ranked)}
    score = {key: item["score"] for key, item in ranked}
    for key in UNSUITABLE[resume_key]:
        assert position[key] >= len(ranked) // 2 or score[key] <= NOISE_SCORE, key


@pytest.mark.parametrize("resume_key", sorted(UNSUITABLE))
def test_postings_of_another_field_score_below_every_posting_sharing_a_skill(resume_key, postings):
    ranked = ranking(resume_key, postings)
    unsuitable = max(item["score"] for key, item in ranked if key in UNSUITABLE[resume_key])
    sharing = [item["score"] for _, item in ranked if item["matched_skills"]]
    assert sharing
    assert unsuitable < min(sharing)


@pytest.mark.parametrize("resume_key", sorted(EXPECTED_TOP))
def test_the_best_posting_covers_its_requirements_and_explains_itself(resume_key, postings):
    _, best = ranking(resume_key, postings)[0]
    assert best["score"] >= 80
    assert best["reasons"][0].startswith("Covers")
    assert not best["missing_required_skills"]
