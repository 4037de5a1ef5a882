import pytest

from ai.generation import write_gap_assessment
from tests.ai.llm_samples import gap_facts


@pytest.mark.parametrize(
    ("percentage", "band"),
    [
        (92.0, "an excellent match"),
        (72.5, "a strong match"),
        (55.0, "a good partial match"),
        (30.0, "a partial match"),
        (10.0, "an early match"),
    ],
)
def test_the_assessment_reads_the_match_band(percentage, band):
    text = write_gap_assessment(gap_facts(match_percentage=percentage))["overall_assessment"]
    assert f"is {band} for the Senior Backend Engineer role" in text


def test_the_assessment_names_missing_skills_and_the_hours():
    text = write_gap_assessment(gap_facts())["overall_assessment"]
    assert "covering 75% of the required skills" in text
    assert "required skill Kubernetes" in text
    assert "Terraform" in text
    assert "about 40 hours" in text


def test_a_complete_match_needs_no_preparation():
    facts = gap_facts(
        match_percentage=100.0,
        missing_required_skills=[],
        missing_preferred_skills=[],
        estimated_hours=0,
        job_title=None,
    )
    text = write_gap_assessment(facts)["overall_assessment"]
    assert "for this role" in text
    assert "Every required and preferred skill is already covered." in text
    assert "hours" not in text
