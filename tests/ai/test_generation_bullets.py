import re

import pytest

from ai.generation import rewrite_bullet, write_bullet_rewrites
from ai.generation.bullets import MAX_WORDS
from tests.ai.llm_samples import bullet_facts


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("Responsible for the billing service", "Led the billing service"),
        ("responsible for managing the on-call rota", "Managed the on-call rota"),
        ("Helped the support team with escalations", "Supported the support team with escalations"),
        ("Worked on the checkout page", "Built the checkout page"),
        ("Did code reviews for the platform team", "Performed code reviews for the platform team"),
        (
            "Was involved in migrating services to Docker",
            "Contributed to migrating services to Docker",
        ),
        ("My responsibilities included designing the data model", "Designed the data model"),
    ],
)
def test_weak_openings_become_strong_verbs(original, rewrite):
    assert rewrite_bullet(original, ["weak_verb"]) == rewrite


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("The reporting API was developed by me", "Developed the reporting API"),
        ("Was developed by me", "Developed"),
        (
            "Sales were increased by 20% through onboarding",
            "Increased sales by 20% through onboarding",
        ),
    ],
)
def test_passive_voice_becomes_active(original, rewrite):
    assert rewrite_bullet(original, ["passive_voice"]) == rewrite


def test_praise_by_someone_else_stays_as_written():
    assert rewrite_bullet("The launch was praised by the CTO", ["passive_voice"]) == (
        "The launch was praised by the CTO"
    )


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        ("I built the Python ingestion service", "Built the Python ingestion service"),
        ("We shipped the app in 3 months", "Shipped the app in 3 months"),
        ("I have led a team of 4 engineers", "Led a team of 4 engineers"),
        ("Our team shipped the app in 3 months", "Shipped the app in 3 months with the team"),
    ],
)
def test_leading_personal_pronouns_are_dropped(original, rewrite):
    assert rewrite_bullet(original, ["personal_pronoun"]) == rewrite


def test_a_missing_number_gets_a_bracketed_prompt_not_an_invented_one():
    rewrite = rewrite_bullet("Improved query performance in PostgreSQL", ["no_number"])
    claim, _, prompt = rewrite.partition(" [")
    assert claim == "Improved query performance in PostgreSQL"
    assert prompt.startswith("add a measurable result, e.g. ") and prompt.endswith("]")
    assert not re.search(r"\d", claim)


def test_a_bullet_with_a_number_gets_no_prompt():
    assert "[" not in rewrite_bullet("Cut costs by 20% in 2023", ["no_number"])


def test_a_long_bullet_is_cut_at_a_clause_and_keeps_the_role_keywords():
    original = (
        "Designed and implemented an event processing platform on Kafka that ingested "
        "clickstream data from the web and mobile apps, while also coordinating with the "
        "analytics team to define schemas and building dashboards in Looker for marketing"
    )
    rewrite = rewrite_bullet(original, ["too_long"], keywords=["Kafka", "Looker"])
    assert len(rewrite.split()) <= MAX_WORDS
    assert "Kafka" in rewrite and "Looker" in rewrite
    assert rewrite.startswith("Designed and implemented an event processing platform on Kafka")
    assert not rewrite.rstrip(".").endswith((",", " and", " the", " to"))


def test_the_first_word_is_capitalised_and_the_full_stop_not_doubled():
    assert rewrite_bullet("led a team of 4 engineers..", []) == "Led a team of 4 engineers."
    assert rewrite_bullet("- shipped the iOS app", []) == "Shipped the iOS app"


def test_every_bullet_gets_one_rewrite_in_order():
    result = write_bullet_rewrites(bullet_facts())
    assert [rewrite["id"] for rewrite in result["rewrites"]] == ["b1", "b2"]
    assert result["rewrites"][0]["text"].startswith("Led the billing service [add a measurable")
    assert result["rewrites"][1]["text"] == "Cut AWS costs by 20% by moving batch jobs to Kafka"
