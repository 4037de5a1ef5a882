import pytest

from resumes.analysis import JobTarget, job_target_from_description
from tests.resumes.analysis_samples import JOB_DESCRIPTION


def test_a_typical_posting_is_read_into_title_company_level_and_skills():
    job = job_target_from_description(JOB_DESCRIPTION)

    assert job == JobTarget(
        title="Senior Backend Engineer",
        company="Finch Labs",
        description=JOB_DESCRIPTION,
        required_skills=("Python", "Django", "PostgreSQL", "Redis", "Docker", "Kubernetes", "AWS"),
        preferred_skills=("Terraform", "Apache Kafka", "GraphQL"),
        experience_level="senior",
    )


@pytest.mark.parametrize(
    "heading",
    ["Nice to have", "Preferred qualifications:", "Bonus points", "Pluses", "Nice-to-have:"],
)
def test_skills_under_a_preferred_heading_are_preferred(heading):
    text = f"Requirements\n- Python\n- Django\n{heading}\n- Kubernetes\n- Terraform\n"

    job = job_target_from_description(text)

    assert job.required_skills == ("Python", "Django")
    assert job.preferred_skills == ("Kubernetes", "Terraform")


def test_a_later_heading_ends_the_preferred_block():
    text = "Nice to have\n- Terraform\nWhat you will use\n- Python\n"

    job = job_target_from_description(text)

    assert job.required_skills == ("Python",)
    assert job.preferred_skills == ("Terraform",)


def test_a_sentence_saying_plus_makes_only_its_own_skills_preferred():
    text = "You write Python every day. Experience with Kafka is a plus. You know SQL."

    job = job_target_from_description(text)

    assert job.required_skills == ("Python", "SQL")
    assert job.preferred_skills == ("Apache Kafka",)


def test_an_inline_preferred_label_applies_to_the_rest_of_its_line():
    text = "Must have: Python, Django\nNice to have: Go, Rust\n"

    job = job_target_from_description(text)

    assert job.required_skills == ("Python", "Django")
    assert job.preferred_skills == ("Go", "Rust")


def test_a_skill_both_required_and_preferred_counts_as_required_only():
    text = "Requirements\n- Python\n- Docker\nNice to have\n- Docker\n- Kubernetes\n"

    job = job_target_from_description(text)

    assert job.required_skills == ("Python", "Docker")
    assert job.preferred_skills == ("Kubernetes",)


def test_a_short_line_naming_a_skill_is_content_not_a_heading():
    text = "Nice to have\n- Terraform\nKubernetes experience\n"

    job = job_target_from_description(text)

    assert job.preferred_skills == ("Terraform", "Kubernetes")


def test_a_posting_without_headings_makes_every_skill_required():
    job = job_target_from_description("We are looking for someone who knows React and Node.js.")

    assert job.required_skills == ("React", "Node.js")
    assert job.preferred_skills == ()


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Junior Frontend Developer\nYou build React components.", "entry"),
        ("Graduate Software Engineer\nJoin our team.", "entry"),
        ("Lead Data Engineer\nOwn our pipelines.", "lead"),
        ("Principal Engineer\nSet technical direction.", "lead"),
        ("Senior Product Designer\nDesign flows.", "senior"),
        ("Backend Developer\nYou need 5+ years of Python.", "senior"),
        ("Backend Developer\nYou need 8 years of Go experience.", "senior"),
        ("Backend Developer\n3-5 years of experience with Java.", "mid"),
        ("Backend Developer\nAt least 2 years with Ruby.", "mid"),
        ("Backend Developer\n1 year of experience with PHP is enough.", "entry"),
        ("Backend Developer\nAn entry-level role in our platform team.", "entry"),
        ("Backend Developer\nYou will work as a tech lead for the platform.", "lead"),
        ("Backend Developer\nYou build APIs in Python.", None),
    ],
)
def test_experience_level_is_read_from_the_title_years_or_wording(text, level):
    assert job_target_from_description(text).experience_level == level


def test_a_given_title_decides_the_level_before_the_description():
    job = job_target_from_description("You need 1 year of Python.", title="Senior Engineer")

    assert job.title == "Senior Engineer"
    assert job.experience_level == "senior"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Data Analyst at Northwind Traders\nYou write SQL.", "Northwind Traders"),
        (
            "About Globex Corporation\nWe make things.\n\nRequirements\n- Python",
            "Globex Corporation",
        ),
        ("We are hiring a developer to join the team at Initech. You write Go.", "Initech"),
        ("Engineers at Booking.com build travel products.", "Booking.com"),
        ("About the role\nYou write Python.", None),
        ("You will work at Initech, then at Globex, on Python services.", None),
        ("You need at least 3 years of Python.", None),
    ],
)
def test_company_is_named_only_when_the_text_is_clear(text, company):
    assert job_target_from_description(text).company == company


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senior Python Developer\nWe build APIs.", "Senior Python Developer"),
        (
            "Machine Learning Engineer at Acme (Remote)\nYou train models.",
            "Machine Learning Engineer",
        ),
        ("Job title: QA Engineer\nYou test software.", "QA Engineer"),
        ("We are a small team building tools for farmers.\nYou write Go.", None),
        ("About Acme\nWe build tools.", None),
    ],
)
def test_title_comes_from_a_first_line_that_looks_like_a_title(text, title):
    assert job_target_from_description(text).title == title


def test_an_empty_description_gives_an_empty_target():
    job = job_target_from_description("")

    assert job == JobTarget(None, None, "", (), (), None)
