"""What the rules measure, read once from the resume text and its parsed profile.

Every string is neutralised first (see `neutral`), so no measure can see a name, a contact
detail or a gendered pronoun.
"""

from dataclasses import dataclass

from ai.skills import canonical, extract_skills
from resumes.analysis.language import sentences, strip_bullet, words
from resumes.analysis.neutral import neutraliser_for


@dataclass(frozen=True)
class ResumeEvidence:
    text: str
    lines: tuple[str, ...]
    word_count: int
    summary: str
    bullets: tuple[str, ...]
    units: tuple[str, ...]  # summary sentences and experience bullets: what a reader reads
    skills: tuple[str, ...]  # canonical names anywhere in the resume, sorted case-insensitively
    listed_skills: tuple[str, ...]  # canonical names in the profile's skills, in profile order
    contact: dict[str, bool]
    sections: frozenset[str]
    experience: tuple[dict, ...]
    education: tuple[dict, ...]


def _profile_skill_names(profile: dict) -> list[str]:
    """The profile's skills (all categories) under their canonical names."""
    names = [name for group in (profile.get("skills") or {}).values() for name in group]
    return [canonical(name) or name for name in names]


def resume_evidence(text: str, profile: dict) -> ResumeEvidence:
    info = profile.get("personal_info") or {}
    neutraliser = neutraliser_for(info)
    neutral_text = neutraliser.neutralise(text or "")
    summary = neutraliser.neutralise(profile.get("summary") or "").strip()
    experience = tuple(profile.get("experience") or ())
    bullets = tuple(
        cleaned
        for job in experience
        for bullet in job.get("bullets") or ()
        if (cleaned := strip_bullet(neutraliser.neutralise(bullet)))
    )
    listed = tuple(dict.fromkeys(_profile_skill_names(profile)))
    skills = {*listed, *extract_skills(neutral_text, implied=True)}
    return ResumeEvidence(
        text=neutral_text,
        lines=tuple(neutral_text.splitlines()),
        word_count=len(words(neutral_text)),
        summary=summary,
        bullets=bullets,
        units=(*sentences(summary), *bullets),
        skills=tuple(sorted(skills, key=lambda name: (name.casefold(), name))),
        listed_skills=listed,
        contact=_contact_presence(info),
        sections=_present_sections(profile),
        experience=experience,
        education=tuple(profile.get("education") or ()),
    )


def _contact_presence(info: dict) -> dict[str, bool]:
    links = info.get("links") or {}
    return {
        "name": bool(info.get("name")),
        "email": bool(info.get("email")),
        "phone": bool(info.get("phone")),
        "location": bool(info.get("location")),
        "link": any(links.values()),
    }


def _present_sections(profile: dict) -> frozenset[str]:
    """A section counts when the parser detected its heading or found its content."""
    detected = set(profile.get("sections") or ())
    content = {
        "summary": profile.get("summary"),
        "experience": profile.get("experience"),
        "education": profile.get("education"),
        "skills": any((profile.get("skills") or {}).values()),
    }
    return frozenset(detected | {key for key, value in content.items() if value})
