import io
import json
import re

import docx
import pypdfium2
import pytest

from resumes.analysis import JobTarget
from resumes.cover_letters import TONES, compose, letter_facts, render_cover_letter

PROFILE = {
    "personal_info": {
        "name": "Priya Natarajan",
        "email": "priya@example.com",
        "phone": "+44 20 7946 0018",
        "location": "Leeds",
        "links": {"linkedin": None, "github": None, "stackoverflow": None, "website": None},
    },
    "summary": "Data engineer who builds reliable pipelines.",
    "skills": {
        "languages": ["Python", "SQL"],
        "data_ml": ["Apache Spark"],
        "cloud": ["AWS"],
        "devops": ["Docker"],
    },
    "experience": [
        {
            "title": "Data Engineer",
            "company": "Northwind Traders",
            "location": "Leeds",
            "start": "2020-04",
            "end": None,
            "current": True,
            "months": 50,
            "bullets": [
                "Built Spark pipelines in Python that process 3 TB of orders a day",
                "Cut nightly batch time from 6 hours to 45 minutes",
            ],
        },
        {
            "title": "Analyst",
            "company": "Contoso Retail",
            "location": "York",
            "start": "2017-09",
            "end": "2020-03",
            "current": False,
            "months": 31,
            "bullets": ["Automated weekly SQL reports for 14 store managers"],
        },
    ],
    "total_experience_years": 6.8,
    "education": [
        {
            "degree": "MSc",
            "field": "Data Science",
            "institution": "University of York",
            "start": "2016",
            "end": "2017",
            "grade": None,
        }
    ],
    "certifications": [{"name": "AWS Certified Data Engineer", "issuer": "AWS", "year": 2023}],
    "languages": [{"language": "English", "proficiency": "native"}],
    "sections": ["contact", "summary", "experience", "education", "skills"],
}

JOB = JobTarget(
    title="Senior Data Engineer",
    company="Fabrikam",
    description="Fabrikam is hiring a Senior Data Engineer to build Python and Spark pipelines "
    "on AWS. Kafka is a plus.",
    required_skills=("Python", "Apache Spark", "AWS"),
    preferred_skills=("Kafka",),
    experience_level="senior",
)

# Words a letter may capitalise without naming anything: greetings, sign-offs, pronouns.
ALLOWED_CAPITALISED = {
    "Dear",
    "Hiring",
    "Manager",
    "Hello",
    "Kind",
    "Regards",
    "With",
    "Thank",
    "I",
    "My",
    "Your",
    "Here",
    "What",
    "As",
    "At",
    "The",
    "Application",
    "Excited",
    "Sincerely",
    "Best",
}


@pytest.fixture(autouse=True)
def _local_engine(settings):
    settings.GEMINI_API_KEY = ""


def facts_text() -> str:
    return json.dumps(letter_facts(PROFILE, JOB, "professional"), ensure_ascii=False)


def test_the_three_tones_give_three_different_letters():
    letters = {tone: compose(PROFILE, JOB, tone) for tone in TONES}

    assert len({letter["text"] for letter in letters.values()}) == 3
    assert len(letters["concise"]["text"]) < len(letters["professional"]["text"])
    for letter in letters.values():
        assert letter["engine"] == {"engine": "local", "model": None, "fallback_reason": None}
        assert letter["text"].startswith(letter["greeting"])
        assert letter["text"].endswith(letter["signature"])
        assert all(paragraph in letter["text"] for paragraph in letter["paragraphs"])


@pytest.mark.parametrize("tone", TONES)
def test_every_number_in_the_letter_comes_from_the_resume_or_the_job(tone):
    letter = compose(PROFILE, JOB, tone)
    known = set(re.findall(r"\d+(?:\.\d+)?", facts_text()))

    for number in re.findall(r"\d+(?:\.\d+)?", letter["text"]):
        assert number in known or number.split(".")[0] in known, number


@pytest.mark.parametrize("tone", TONES)
def test_every_capitalised_name_in_the_letter_comes_from_the_resume_or_the_job(tone):
    letter = compose(PROFILE, JOB, tone)
    facts = facts_text()
    body = "\n".join([letter["subject"], *letter["paragraphs"]])

    for sentence in re.split(r"(?<=[.!?:])\s+|\n", body):
        words = re.findall(r"[A-Za-z][\w.&+#-]*", sentence)
        for word in words[1:]:  # the first word of a sentence is capitalised anyway
            if word[0].isupper() and word not in ALLOWED_CAPITALISED:
                assert word.rstrip(".") in facts, word


def test_the_letter_names_the_employers_of_the_resume_and_no_other():
    texts = " ".join(compose(PROFILE, JOB, tone)["text"] for tone in TONES)

    assert "Fabrikam" in texts
    for invented in ("Google", "Microsoft", "Amazon", "PhD", "Bachelor"):
        assert invented not in texts


def test_facts_hold_only_what_the_profile_and_job_say():
    facts = letter_facts(PROFILE, JOB, "enthusiastic")

    assert facts["tone"] == "enthusiastic"
    assert facts["candidate"]["current_title"] == "Data Engineer"
    assert facts["candidate"]["matched_skills"] == ["Python", "Apache Spark", "AWS"]
    assert [job["company"] for job in facts["candidate"]["experience"]] == [
        "Northwind Traders",
        "Contoso Retail",
    ]
    assert facts["job"] == {
        "title": "Senior Data Engineer",
        "company": "Fabrikam",
        "description": JOB.description,
        "required_skills": ["Python", "Apache Spark", "AWS"],
    }


def test_the_signature_carries_the_candidates_name():
    letter = compose(PROFILE, JOB, "professional")

    assert letter["signature"].splitlines()[0] == "Priya Natarajan"


def test_an_unknown_tone_is_refused():
    with pytest.raises(ValueError, match="professional, enthusiastic, concise"):
        compose(PROFILE, JOB, "sarcastic")


def test_the_letter_downloads_as_text_pdf_and_docx():
    letter = compose(PROFILE, JOB, "professional")

    assert render_cover_letter(letter, "txt").decode("utf-8") == letter["text"]
    pdf = pypdfium2.PdfDocument(render_cover_letter(letter, "pdf"))
    pdf_text = " ".join(pdf[0].get_textpage().get_text_range().split())
    pdf.close()
    assert letter["greeting"] in pdf_text and "Priya Natarajan" in pdf_text
    assert " ".join(letter["paragraphs"][0].split()[:6]) in pdf_text
    paragraphs = [
        p.text for p in docx.Document(io.BytesIO(render_cover_letter(letter, "docx"))).paragraphs
    ]
    assert letter["subject"] == paragraphs[0]
    assert letter["closing"] in paragraphs and "Priya Natarajan" in paragraphs


def test_an_unknown_letter_format_is_refused():
    with pytest.raises(ValueError):
        render_cover_letter({"text": "Hello"}, "rtf")
