"""The resume templates a person can choose from: one place for their look in PDF and DOCX."""

from dataclasses import dataclass

from resumes.errors import UnknownTemplate


@dataclass(frozen=True)
class ResumeTemplate:
    """A template's identity and the visual choices both renderers share.

    `font` is a family installed with the system fonts (no web fonts, nothing fetched), so
    WeasyPrint finds it locally and the DOCX names the same face.
    """

    id: str
    name: str
    description: str
    layout: str  # "single" (one column) or "sidebar" (two-tone, details in a side column)
    accent: str  # "#rrggbb": headings, rules, the sidebar
    font: str
    generic_font: str  # CSS fallback family
    body_pt: float
    margin_mm: int

    @property
    def html_template(self) -> str:
        return f"resumes/documents/{self.id}.html"

    @property
    def css_font(self) -> str:
        # Unquoted family names are valid CSS and need no escaping inside <style>.
        return f"{self.font}, {self.generic_font}"

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "description": self.description}


TEMPLATES: tuple[ResumeTemplate, ...] = (
    ResumeTemplate(
        id="classic",
        name="Classic",
        description=(
            "One column in a serif face with navy headings and thin rules: the traditional "
            "layout that recruiters and applicant tracking systems read most reliably."
        ),
        layout="single",
        accent="#1f3a5f",
        font="DejaVu Serif",
        generic_font="serif",
        body_pt=10.5,
        margin_mm=18,
    ),
    ResumeTemplate(
        id="modern",
        name="Modern",
        description=(
            "Two-tone: a dark teal sidebar with contact details, skills, languages and "
            "certifications beside the experience, set in a clean sans-serif face."
        ),
        layout="sidebar",
        accent="#0f4c5c",
        font="DejaVu Sans",
        generic_font="sans-serif",
        body_pt=9.5,
        margin_mm=14,
    ),
    ResumeTemplate(
        id="compact",
        name="Compact",
        description=(
            "Dense one-column layout in a condensed face with the skills in a table: fits a "
            "long career on fewer pages."
        ),
        layout="single",
        accent="#6b2d5c",
        font="DejaVu Sans Condensed",
        generic_font="sans-serif",
        body_pt=9,
        margin_mm=12,
    ),
)

_BY_ID = {template.id: template for template in TEMPLATES}


def get_template(template_id: str) -> ResumeTemplate:
    """The template with this id; UnknownTemplate (404) naming the valid ids otherwise."""
    try:
        return _BY_ID[template_id]
    except KeyError:
        choices = ", ".join(_BY_ID)
        raise UnknownTemplate(
            f"There is no resume template {template_id!r}: choose one of {choices}."
        ) from None
