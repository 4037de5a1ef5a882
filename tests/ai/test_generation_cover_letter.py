import json
import re

import pytest

from ai.generation import write_cover_letter
from ai.generation.cover_letter import TONES
from ai.llm.fact_guard import unsupported_claims
from tests.ai.llm_samples import EMAIL, NAME, PHONE, candidate, cover_letter_facts, job


def body(letter: dict) -> str:
    return "\n".join(
        [letter["subject"], letter["greeting"], *letter["paragraphs"], letter["closing"]]
    )


def test_the_three_tones_read_differently():
    letters = {tone: write_cover_letter(cover_letter_facts(tone)) for tone in TONES}
    assert len({body(letter) for letter in letters.values()}) == 3
    assert len({letter["greeting"] for letter in letters.values()}) >= 2
    assert len({letter["closing"] for letter in letters.values()}) == 3


def test_the_concise_letter_is_shorter_in_paragraphs_and_words():
    letters = {tone: write_cover_letter(cover_letter_facts(tone)) for tone in TONES}
    concise = letters["concise"]
    for tone in ("professional", "enthusiastic"):
        assert len(concise["paragraphs"]) < len(letters[tone]["paragraphs"])
        assert len(body(concise).split()) < len(body(letters[tone]).split()) / 2


@pytest.mark.parametrize("tone", TONES)
def test_the_letter_draws_on_the_candidate_and_the_job(tone):
    text = body(write_cover_letter(cover_letter_facts(tone)))
    assert "Senior Backend Engineer" in text
    assert "Acme" in text
    assert "Backend Developer with 5.5 years of experience" in text
    assert "Python" in text
    # A real bullet, chosen because it names a matched skill.
    assert "a Django REST API serving 2 million requests a day" in text


@pytest.mark.parametrize("tone", TONES)
def test_the_letter_states_no_number_or_organisation_outside_the_facts(tone):
    facts = cover_letter_facts(tone)
    text = body(write_cover_letter(facts))
    assert unsupported_claims(text, facts) == []
    # Independently of the guard: every number and every capitalised name after a
    # preposition is copied from the facts.
    known = json.dumps(facts)
    for number in re.findall(r"\d+(?:\.\d+)?", text):
        assert number in known
    for name in re.findall(r"\b(?:at|with|for|from) ([A-Z]\w*(?:\.\w+)*)", text, re.IGNORECASE):
        if name[0].isupper():
            assert name in known


@pytest.mark.parametrize("tone", TONES)
def test_without_a_company_the_letter_addresses_your_team(tone):
    facts = cover_letter_facts(tone, job=job(company=None))
    letter = write_cover_letter(facts)
    text = body(letter)
    assert "your team" in text
    assert "None" not in text


@pytest.mark.parametrize("tone", TONES)
def test_no_degree_or_certification_is_claimed_without_one_in_the_facts(tone):
    facts = cover_letter_facts(tone, candidate=candidate(education=[], certifications=[]))
    text = body(write_cover_letter(facts)).lower()
    for word in ("degree", "bsc", "bachelor", "master", "certif", "university"):
        assert word not in text


def test_the_signature_is_the_name_over_the_contact_line():
    letter = write_cover_letter(cover_letter_facts())
    assert letter["signature"] == f"{NAME}\n{EMAIL} · {PHONE}"


def test_an_unknown_name_leaves_only_the_contact_line():
    facts = cover_letter_facts(candidate=candidate(name=None, phone=None))
    assert write_cover_letter(facts)["signature"] == EMAIL


def test_sparse_facts_still_give_a_complete_letter():
    letter = write_cover_letter({"tone": "professional", "candidate": {}, "job": {}})
    assert letter["signature"] == ""
    assert "this role with your team" in letter["paragraphs"][0]
    assert all(letter[key] for key in ("subject", "greeting", "paragraphs", "closing"))


def test_an_unknown_tone_is_refused():
    with pytest.raises(ValueError, match="tone"):
        write_cover_letter(cover_letter_facts("sarcastic"))
