"""Whole-resume gaps: a standard section missing, or skills the job asks for not mentioned."""

from dataclasses import dataclass

from ai.skills import CATEGORY_LABELS, expand_implied, extract_skills, skills_by_category
from resumes.enhancement.lines import Line, heading_line

REQUIRED_SECTIONS = ("summary", "skills", "experience", "education")
SECTION_SEVERITY = {
    "summary": "medium",
    "skills": "high",
    "experience": "high",
    "education": "medium",
}
MAX_SUMMARY_SKILLS = 5
EXPERIENCE_PROMPT = (
    "Experience\n[Job title], [Company] ([Mon YYYY] \u2013 [Mon YYYY or Present])\n"
    "• [What you achieved, starting with an action verb and including a number]"
)
EDUCATION_PROMPT = "Education\n[Degree] in [Field], [Institution] ([YYYY] \u2013 [YYYY])"
SKILLS_PROMPT = "Skills\n[The languages, tools and methods you use, grouped by kind]"


@dataclass(frozen=True)
class Gap:
    target: str  # the section key, or "keywords"
    line: Line | None
    reason: str
    proposed: str
    severity: str


def _has_content(profile: dict, section: str) -> bool:
    value = profile.get(section)
    if section == "skills":
        return any((value or {}).values())
    return bool(value)


def _all_skills(profile: dict) -> list[str]:
    return [name for names in (profile.get("skills") or {}).values() for name in names]


def _years(value) -> str:
    years = float(value or 0)
    return f"{years:g}" if years else ""


def draft_summary(profile: dict, job=None) -> str:
    """A summary from the profile's facts only: latest title, years, top skills."""
    experience = profile.get("experience") or []
    title = next((entry["title"] for entry in experience if entry.get("title")), None)
    skills = _all_skills(profile)
    if job is not None:
        wanted = {name.casefold() for name in job.required_skills}
        skills = sorted(skills, key=lambda name: name.casefold() not in wanted)
    top = skills[:MAX_SUMMARY_SKILLS]
    years = _years(profile.get("total_experience_years"))
    opening = title or "Professional"
    if years:
        opening += f" with {years} year{'s' if years != '1' else ''} of experience"
    if top:
        listed = ", ".join(top[:-1]) + (f" and {top[-1]}" if len(top) > 1 else top[0])
        opening += f", skilled in {listed}"
    return f"{opening}."


def _skills_text(profile: dict) -> str:
    grouped = profile.get("skills") or {}
    rows = [
        f"{CATEGORY_LABELS.get(key, key)}: {', '.join(names)}"
        for key, names in grouped.items()
        if names
    ]
    return "Skills\n" + "\n".join(rows) if rows else SKILLS_PROMPT


def missing_sections(lines: list[Line], profile: dict, job=None) -> list[Gap]:
    present = set(profile.get("sections") or []) | {line.section for line in lines if line.heading}
    proposals = {
        "summary": lambda: draft_summary(profile, job),
        "skills": lambda: _skills_text(profile),
        "experience": lambda: EXPERIENCE_PROMPT,
        "education": lambda: EDUCATION_PROMPT,
    }
    gaps = []
    for section in REQUIRED_SECTIONS:
        if section in present or (section != "skills" and _has_content(profile, section)):
            continue
        gaps.append(
            Gap(
                section,
                None,
                _missing_reason(section),
                proposals[section](),
                SECTION_SEVERITY[section],
            )
        )
    return gaps


def _missing_reason(section: str) -> str:
    reasons = {
        "summary": "There is no summary: two or three lines at the top tell a recruiter who "
        "you are before they read on. Here is one drafted from your resume's facts.",
        "skills": "There is no Skills section: applicant tracking systems and recruiters scan "
        "for one to match the job's requirements.",
        "experience": "There is no Experience section: list your roles, newest first, with "
        "what you achieved in each (internships and volunteering count).",
        "education": "There is no Education section: add your degree or training, even when "
        "experience matters more.",
    }
    return reasons[section]


def missing_keywords(text: str, lines: list[Line], profile: dict, job) -> Gap | None:
    """One gap naming every required skill of the job the resume never mentions."""
    if job is None or not job.required_skills:
        return None
    have = {
        name.casefold() for name in expand_implied([*_all_skills(profile), *extract_skills(text)])
    }
    missing = [name for name in job.required_skills if name.casefold() not in have]
    if not missing:
        return None
    grouped = skills_by_category(missing)
    proposed = "\n".join(
        f"{CATEGORY_LABELS.get(key, key)}: {', '.join(names)}" for key, names in grouped.items()
    )
    heading = heading_line(lines, "skills")
    where = f"the Skills section (line {heading.number})" if heading else "a Skills section"
    reason = (
        f"The job asks for {', '.join(missing)}, which the resume does not mention. Add the "
        f"ones you have really used to {where}, and name them in the experience bullets where "
        "you used them; leave out any you have not."
    )
    return Gap("keywords", heading, reason, proposed, "high")
