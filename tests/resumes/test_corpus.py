"""The layout corpus (tests/resumes/corpus): resumes we wrote in the layouts real ones come in
(LaTeX-style PDFs, sidebars, Word and Google Docs exports, plain text), across professions.

Each is uploaded, extracted and parsed as the upload service does, and scored like the
held-out set of real resumes: fields exact, skill recall, skills the resume does not state,
and trap hits. `python -m tests.resumes.corpus.report` prints the same figures per profession.
"""

import pytest

from tests.resumes.corpus.people import PEOPLE
from tests.resumes.corpus.report import (
    FIELDS,
    expected_fields,
    found_fields,
    profile,
    profile_skills,
    scores,
    stated,
)

LAYOUTS = {"moderncv", "awesome_cv", "two_column", "sidebar", "word_docx", "gdocs_docx", "text"}


def test_the_corpus_is_large_and_varied_enough():
    professions = {person.profession for person in PEOPLE}
    outside = [person for person in PEOPLE if person.profession != "software"]

    assert len(PEOPLE) >= 25
    assert len(outside) >= 10
    assert {person.layout for person in PEOPLE} == LAYOUTS
    assert {"nursing", "accounting", "office", "legal", "student"} <= professions
    assert len({person.key for person in PEOPLE}) == len(PEOPLE)


def test_fields_exact_reach_the_target():
    fields, _, _ = scores()["all"].rates

    assert fields >= 0.95


@pytest.mark.parametrize(("group", "target"), [("software", 0.95), ("others", 0.90)])
def test_skill_recall_reaches_the_target(group, target):
    _, recall, _ = scores()[group].rates

    assert recall >= target


def test_skills_the_resumes_do_not_state_stay_rare():
    _, _, unstated = scores()["all"].rates

    assert unstated <= 0.03


def test_no_employer_product_or_implied_skill_is_taken_as_a_skill():
    hits = {
        person.key: sorted(set(person.traps) & profile_skills(profile(person))) for person in PEOPLE
    }

    assert {key: found for key, found in hits.items() if found} == {}


@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person.key)
def test_each_resume_reads_its_header_latest_job_and_highest_degree(person):
    expected, found = expected_fields(person), found_fields(profile(person))
    wrong = {key: (expected[key], found[key]) for key in FIELDS if expected[key] != found[key]}

    assert len(wrong) <= 1, wrong  # the corpus target is 0.95: at most one field a resume


@pytest.mark.parametrize("person", PEOPLE, ids=lambda person: person.key)
def test_each_resume_gives_every_skill_it_states(person):
    assert stated(person) - profile_skills(profile(person)) == set()
