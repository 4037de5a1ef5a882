"""Split resume lines into sections by their heading lines.

A heading is a short line that, once decoration and a trailing colon are removed, is one of
the synonyms below, in any case ("WORK EXPERIENCE", "Work experience:", "E X P E R I E N C E").
A few headings may also carry their content on the same line ("Skills: Python, Go").
Everything before the first heading is the header, with the key "contact".
"""

import re
from dataclasses import dataclass, field

from resumes.parsing.languages import mentions_language

SYNONYMS = {
    "contact": (
        "contact", "contacts", "contact information", "contact info", "contact details",
        "personal details", "personal information", "personal data", "details",
    ),
    "summary": (
        "summary", "professional summary", "career summary", "executive summary",
        "summary of qualifications", "profile", "professional profile", "personal profile",
        "career profile", "about", "about me", "objective", "career objective",
        "professional objective", "personal statement", "overview", "introduction",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment history",
        "employment", "work history", "career history", "relevant experience",
        "professional background", "positions held", "career", "experience history",
        "work", "clinical experience", "industry experience", "employment experience",
        "professional history", "relevant work experience", "teaching experience",
        "research experience",
    ),
    "education": (
        "education", "academic background", "education and training", "training and education",
        "academic qualifications", "educational background", "academic history",
        "education and qualifications", "academics", "qualifications and education",
        "academic record",
    ),
    "skills": (
        "skills", "technical skills", "core competencies", "competencies", "key skills",
        "core skills", "skills and tools", "tools and technologies", "technologies",
        "tech stack", "areas of expertise", "expertise", "skills summary", "hard skills",
        "soft skills", "clinical skills", "design skills", "relevant skills",
        "skills and abilities", "skills and competencies", "technical expertise",
        "technical proficiencies", "tools", "software", "skill set", "skillset",
        "key competencies", "professional skills", "toolbox",
    ),
    "projects": (
        "projects", "personal projects", "selected projects", "side projects", "key projects",
        "academic projects", "open source", "open source contributions", "portfolio",
        "notable projects", "project experience", "technical projects",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "licenses and certifications",
        "licences and certifications", "certifications and licenses",
        "certifications and licences", "licenses", "licences", "professional certifications",
        "accreditations", "courses and certifications", "certifications and training",
        "training", "courses", "professional development", "licensure",
    ),
    "languages": (
        "languages", "language skills", "spoken languages", "language proficiency",
        "foreign languages",
    ),
    "awards": (
        "awards", "honors", "honours", "awards and honors", "awards and honours",
        "honors and awards", "honours and awards", "achievements", "awards and achievements",
        "scholarships", "recognition",
    ),
    "publications": (
        "publications", "papers", "selected publications", "research", "presentations",
        "publications and presentations", "talks", "conference talks",
    ),
    "volunteering": (
        "volunteering", "volunteer experience", "volunteer work", "community involvement",
        "community service", "volunteer", "leadership and volunteering",
        "extracurricular activities", "activities",
    ),
    "interests": (
        "interests", "hobbies", "hobbies and interests", "personal interests",
        "interests and hobbies", "outside of work",
    ),
}  # fmt: skip
HEADINGS = {synonym: key for key, synonyms in SYNONYMS.items() for synonym in synonyms}
# Headings that may share a line with their content. Not inside entry sections: there
# "Skills: ..." or "Technologies: ..." describes one job or project.
INLINE_HEADINGS = {
    "skills", "technical skills", "core competencies", "key skills", "languages",
    "language skills", "certifications", "certificates", "interests", "hobbies", "summary",
    "profile", "objective",
}  # fmt: skip
ENTRY_SECTIONS = {"experience", "projects", "education", "volunteering"}
MAX_HEADING_CHARS = 45

_DECORATION = " \t#*=_~-\u2013—:|•·>»▪■◆"
_SPACED_LETTERS = re.compile(r"(?:\w ){2,}\w")
_INLINE = re.compile(r"^(?P<heading>[^\W\d_][\w &/'\u2019-]{1,40}?)\s*:\s*(?P<rest>\S.*)$")


@dataclass
class Section:
    key: str
    heading: str | None
    lines: list[str] = field(default_factory=list)


def heading_key(line: str) -> str | None:
    """The section key of a heading line, or None."""
    if not line or len(line) > MAX_HEADING_CHARS or line.startswith("- "):
        return None
    return HEADINGS.get(_heading_form(line))


def _heading_form(text: str) -> str:
    text = text.strip(_DECORATION)
    if _SPACED_LETTERS.fullmatch(text):
        text = text.replace(" ", "")
    text = text.lower().replace("&", " and ").replace("/", " and ")
    return " ".join(text.split())


def _inline_heading(line: str, current: str) -> tuple[str, str] | None:
    if current in ENTRY_SECTIONS or not (match := _INLINE.match(line)):
        return None
    form = _heading_form(match.group("heading"))
    if form not in INLINE_HEADINGS:
        return None
    key, rest = HEADINGS[form], match.group("rest").strip()
    if key == "languages" and not mentions_language(rest):
        return None  # "Languages: Python, Go" lists programming languages
    return key, rest


def split_sections(lines: list[str]) -> list[Section]:
    """Sections in order; the first is the header ("contact", no heading), maybe empty."""
    sections = [Section("contact", None)]
    for index, line in enumerate(lines):
        current = sections[-1]
        if (key := heading_key(line)) and not _programming_languages(key, lines, index):
            sections.append(Section(key, line))
        elif inline := _inline_heading(line, current.key):
            sections.append(Section(inline[0], line, [inline[1]]))
        else:
            current.lines.append(line)
    return sections


def _programming_languages(key: str, lines: list[str], index: int) -> bool:
    """A "Languages" line followed by no human language is a sub-heading of skills."""
    if key != "languages":
        return False
    following = next((line for line in lines[index + 1 :] if line), "")
    return not mentions_language(following)
