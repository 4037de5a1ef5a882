"""Hand-built resumes for the analysis tests: text and profile written side by side.

Scoring tests build profiles here rather than through the parser, so a parser change cannot
move a scoring test.
"""

import copy
import re

from ai.skills import skills_by_category

CLEAN_TEXT = """James Smith
james.smith@example.com | +44 20 7946 0958 | London, UK | linkedin.com/in/jamessmith

Summary
Backend engineer with six years of experience building Python and Django services for
payment products. He cares about reliable APIs and measurable speed gains, and his
colleagues rely on him for calm reviews of risky changes.

Experience
Senior Backend Engineer, Acme Payments, Jan 2021 - Present
- Led the move of 40 Django services to shared REST endpoints, cutting p95 latency by 35%.
- Built a PostgreSQL partitioning scheme that shrank monthly report runs from 12 to 2 minutes.
- Mentored 4 junior engineers through weekly code reviews and pairing sessions.
- Automated releases with Docker and GitHub Actions, reducing release time by 60%.
- Designed Redis caching for account balances, lowering database load by 45%.

Backend Engineer, Brightbank, Mar 2018 - Dec 2020
- Developed a Celery pipeline that processes 2 million card transactions a day.
- Introduced pytest fixtures and Git hooks that raised test coverage from 52% to 88%.
- Launched a Python fraud-scoring job that flagged 1,200 risky payments each month.
- Coordinated Agile sprint planning for a group of 7 developers across 3 time zones.

Education
BSc Computer Science, University of Manchester, 2014 - 2017
Final-year project on fraud signals in banking data, graded first class.

Skills
Python, Django, PostgreSQL, Redis, Celery, Docker, GitHub Actions, Git, pytest, REST, Agile,
Sprint Planning, Code Review, Pair Programming, Mentoring

Interests
Long-distance cycling, chess clubs, volunteering as a maths tutor for teenagers at a local
library on Saturday mornings, and reading about the history of science and engineering.
"""

CLEAN_SKILLS = [
    "Python",
    "Django",
    "PostgreSQL",
    "Redis",
    "Celery",
    "Docker",
    "GitHub Actions",
    "Git",
    "pytest",
    "REST",
    "Agile",
    "Sprint Planning",
    "Code Review",
    "Pair Programming",
    "Mentoring",
]


def bullets_of(text: str) -> list[list[str]]:
    """The bullets of each role in `text`, in order (roles are separated by a blank line)."""
    experience = text.split("Experience\n", 1)[1].split("\nEducation", 1)[0]
    return [
        [line[2:].strip() for line in block.splitlines() if line.startswith("- ")]
        for block in experience.strip().split("\n\n")
    ]


def clean_profile(text: str = CLEAN_TEXT) -> dict:
    """The profile a perfect parser would produce for `CLEAN_TEXT`."""
    roles = bullets_of(text)
    summary = text.split("Summary\n", 1)[1].split("\n\n", 1)[0].replace("\n", " ")
    return {
        "personal_info": {
            "name": "James Smith",
            "email": "james.smith@example.com",
            "phone": "+44 20 7946 0958",
            "location": "London, UK",
            "links": {
                "linkedin": "https://linkedin.com/in/jamessmith",
                "github": None,
                "stackoverflow": None,
                "website": None,
            },
        },
        "summary": summary,
        "skills": skills_by_category(CLEAN_SKILLS),
        "experience": [
            {
                "title": "Senior Backend Engineer",
                "company": "Acme Payments",
                "location": None,
                "start": "2021-01",
                "end": None,
                "current": True,
                "months": 48,
                "bullets": roles[0],
            },
            {
                "title": "Backend Engineer",
                "company": "Brightbank",
                "location": None,
                "start": "2018-03",
                "end": "2020-12",
                "current": False,
                "months": 34,
                "bullets": roles[1],
            },
        ],
        "total_experience_years": 6.8,
        "education": [
            {
                "degree": "BSc",
                "field": "Computer Science",
                "institution": "University of Manchester",
                "start": "2014",
                "end": "2017",
                "grade": None,
            }
        ],
        "certifications": [],
        "languages": [],
        "sections": ["contact", "summary", "experience", "education", "skills", "interests"],
    }


def with_bullets(profile: dict, *bullets: str) -> dict:
    """A copy of `profile` whose first role has exactly these bullets (the second has none)."""
    changed = copy.deepcopy(profile)
    changed["experience"][0]["bullets"] = list(bullets)
    changed["experience"][1]["bullets"] = []
    return changed


def swap_identity(
    text: str, profile: dict, *, name: str = "Aisha Okafor", she: bool = True
) -> tuple[str, dict]:
    """The same resume under another name (and email, link), with he/him swapped for she/her."""
    first, last = name.lower().split()
    pronouns = {"He": "She", "he": "she", "him": "her", "his": "her", "himself": "herself"}
    if not she:
        pronouns = {key: key for key in pronouns}

    def swap(value: str) -> str:
        for old, new in (("James Smith", name), ("james", first), ("smith", last)):
            value = value.replace(old, new)
        return re.sub(r"\b(He|he|him|his|himself)\b", lambda m: pronouns[m.group(0)], value)

    changed = copy.deepcopy(profile)
    info = changed["personal_info"]
    info["name"] = name
    info["email"] = swap(info["email"])
    info["links"]["linkedin"] = swap(info["links"]["linkedin"])
    changed["summary"] = swap(changed["summary"])
    return swap(text), changed


JOB_DESCRIPTION = """Senior Backend Engineer at Finch Labs

About Finch Labs
We build payment infrastructure for small businesses across Europe.

Requirements
- 5+ years of experience with Python and Django
- PostgreSQL and Redis in production
- Docker and Kubernetes
- Experience with AWS

Nice to have
- Terraform
- Apache Kafka
- GraphQL experience is a plus
"""
