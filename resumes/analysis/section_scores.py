"""Section scores 0-100: how complete and convincing each main section is.

contact    email 35, phone 25, location 15, a profile link 15, a name 10
summary    none: 0; present 40, plus 30 for 30-80 words (15 for 15-29 or 81-120), 15 when it
           names a skill and 15 when it has no personal pronoun
experience none: 0; present 20, plus 20 each times the share of roles with dates, of roles
           with at least two bullets, of bullets with a number and of bullets opening with a
           strong verb
education  none: 0; the best entry: 40, plus 20 each for degree, institution and a year
skills     none: 0; 60 for 15 or more listed skills (pro rata below) and 40 for 4 or more
           categories (pro rata below)
"""

from ai.skills import extract_skills, skills_by_category
from resumes.analysis.evidence import ResumeEvidence
from resumes.analysis.language import (
    first_person_pronouns,
    first_word,
    has_metric,
    is_strong_verb,
    round_half_up,
    words,
)

CONTACT_POINTS = {"email": 35, "phone": 25, "location": 15, "link": 15, "name": 10}
FULL_SKILLS = 15
FULL_CATEGORIES = 4


def section_scores(evidence: ResumeEvidence) -> dict[str, int]:
    """Contact, summary, experience, education and skills, each 0-100 by the rules above."""
    return {
        "contact": _contact(evidence),
        "summary": _summary(evidence),
        "experience": _experience(evidence),
        "education": _education(evidence),
        "skills": _skills(evidence),
    }


def _contact(evidence: ResumeEvidence) -> int:
    return sum(points for key, points in CONTACT_POINTS.items() if evidence.contact[key])


def _summary(evidence: ResumeEvidence) -> int:
    if not evidence.summary:
        return 0
    count = len(words(evidence.summary))
    score = 40
    if 30 <= count <= 80:
        score += 30
    elif 15 <= count <= 120:
        score += 15
    if extract_skills(evidence.summary):
        score += 15
    if not first_person_pronouns(evidence.summary):
        score += 15
    return score


def _experience(evidence: ResumeEvidence) -> int:
    roles = evidence.experience
    if not roles:
        return 0
    dated = _share(roles, _is_dated)
    bulleted = _share(roles, lambda role: len(role.get("bullets") or ()) >= 2)
    bullets = evidence.bullets
    numbered = _share(bullets, has_metric)
    strong = _share(bullets, lambda bullet: is_strong_verb(first_word(bullet)))
    return round_half_up(20 + 20 * (dated + bulleted + numbered + strong))


def _education(evidence: ResumeEvidence) -> int:
    if not evidence.education:
        return 0
    return max(
        40
        + 20 * bool(entry.get("degree"))
        + 20 * bool(entry.get("institution"))
        + 20 * bool(entry.get("end") or entry.get("start"))
        for entry in evidence.education
    )


def _skills(evidence: ResumeEvidence) -> int:
    listed = evidence.listed_skills
    if not listed:
        return 0
    categories = len(skills_by_category(listed))
    count_part = 60 * min(len(listed), FULL_SKILLS) / FULL_SKILLS
    category_part = 40 * min(categories, FULL_CATEGORIES) / FULL_CATEGORIES
    return round_half_up(count_part + category_part)


def _is_dated(role: dict) -> bool:
    return bool(role.get("start") and (role.get("end") or role.get("current")))


def _share(items, test) -> float:
    return sum(1 for item in items if test(item)) / len(items) if items else 0.0
