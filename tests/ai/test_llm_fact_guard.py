import pytest

from ai.llm.fact_guard import EMPLOYERS, NUMBERS, FactIndex, unsupported_claims

FACTS = {
    "candidate": {
        "total_experience_years": 5.5,
        "experience": [
            {"company": "Globex Corporation", "bullets": ["Served 10,000 users, 40% faster"]}
        ],
        "education": [
            {"degree": "Ph.D.", "field": "Physics", "institution": "University of Leeds"}
        ],
        "certifications": [{"name": "AWS Certified Solutions Architect"}],
        "skills": ["Python", "Node.js", "C++"],
    },
    "job": {"title": "Backend Engineer", "company": "Acme"},
}


def test_employers_named_in_the_facts_pass():
    text = "At Globex Corporation I worked with Python, Node.js and C++; now I apply for Acme."
    assert unsupported_claims(text, FACTS) == []


@pytest.mark.parametrize("preposition", ["at", "At", "with", "for", "from"])
def test_an_employer_missing_from_the_facts_is_reported(preposition):
    problems = unsupported_claims(f"I spent years {preposition} Hooli Labs.", FACTS)
    assert problems == ["unknown employer 'Hooli Labs'"]


def test_a_possessive_or_a_leading_article_does_not_hide_a_known_employer():
    assert unsupported_claims("I loved working at Acme's office with The Globex team.", FACTS) == []


def test_a_name_does_not_run_on_into_the_next_line():
    assert unsupported_claims("I look forward to working at Acme\nDear Hiring Manager", FACTS) == []


@pytest.mark.parametrize("text", ["5.5 years", "5 years", "10000 users", "10,000 users", "40%"])
def test_numbers_from_the_facts_pass_in_any_usual_spelling(text):
    assert unsupported_claims(text, FACTS) == []


@pytest.mark.parametrize(("text", "number"), [("6 years", "6"), ("a 35% gain", "35")])
def test_a_number_not_in_the_facts_is_reported(text, number):
    assert unsupported_claims(text, FACTS) == [f"unknown number '{number}'"]


def test_degree_words_must_appear_in_the_facts():
    assert unsupported_claims("I hold a PhD in Physics.", FACTS) == []
    assert unsupported_claims("I hold a Master's degree.", FACTS) == ["unknown degree 'Master's'"]
    assert unsupported_claims("I earned an MBA.", FACTS) == ["unknown degree 'MBA'"]


def test_certifications_must_appear_in_the_facts():
    assert unsupported_claims("I am AWS Certified Solutions Architect.", FACTS) == []
    problems = unsupported_claims("I also hold the CKA certification.", FACTS)
    assert problems == ["unknown certification 'CKA'"]


def test_rules_can_be_chosen():
    text = "At Hooli I saved 99 hours."
    assert unsupported_claims(text, FACTS, rules=(NUMBERS,)) == ["unknown number '99'"]
    assert unsupported_claims(text, FACTS, rules=(EMPLOYERS,)) == ["unknown employer 'Hooli'"]


def test_an_index_can_be_reused_for_many_texts():
    index = FactIndex(FACTS)
    assert unsupported_claims("At Acme", index) == []
    assert unsupported_claims("At Initech", index) == ["unknown employer 'Initech'"]
