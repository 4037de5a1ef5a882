"""Render a resume document in one of the templates, as PDF or DOCX."""

from functools import lru_cache

from resumes.rendering.context import resume_context
from resumes.rendering.docx_resume import resume_docx
from resumes.rendering.formats import require_format
from resumes.rendering.pdf import render_pdf
from resumes.rendering.registry import get_template
from resumes.rendering.sample import SAMPLE_DOCUMENT

RESUME_FORMATS = ("pdf", "docx")


def render_resume(document: dict, template_id: str, fmt: str) -> bytes:
    """PDF or DOCX bytes of `document` (the model `resumes.enhancement.apply` returns).

    Raises UnknownTemplate (404) for an id not in TEMPLATES and UnsupportedFormat (400,
    also a ValueError) for a format other than pdf or docx.
    """
    template = get_template(template_id)
    require_format(fmt, RESUME_FORMATS)
    context = resume_context(document, template)
    if fmt == "pdf":
        return render_pdf(template.html_template, context)
    return resume_docx(context)


@lru_cache(maxsize=len(RESUME_FORMATS) * 8)
def template_sample(template_id: str, fmt: str) -> bytes:
    """The template filled with the built-in fictional resume (the same bytes every call)."""
    return render_resume(SAMPLE_DOCUMENT, template_id, fmt)
