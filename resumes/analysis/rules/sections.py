"""Sections: does the resume have the sections an ATS and a recruiter look for?"""

from resumes.analysis.deductions import Deduction
from resumes.analysis.evidence import ResumeEvidence

CATEGORY = "sections"
# (section, points, why it matters)
EXPECTED = (
    ("experience", 35, "work experience is what recruiters read first"),
    ("skills", 25, "ATS software matches job keywords against it"),
    ("education", 20, "many job filters ask for a degree or training"),
    ("summary", 20, "it tells a recruiter in two lines what you offer"),
)


def deductions(evidence: ResumeEvidence) -> list[Deduction]:
    return [
        Deduction(
            CATEGORY,
            f"missing_{section}",
            points,
            f"No {section} section was found.",
            f"Add a {section} section: {why}.",
        )
        for section, points, why in EXPECTED
        if section not in evidence.sections
    ]
