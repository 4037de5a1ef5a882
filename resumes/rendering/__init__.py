"""Resume documents: the template registry and PDF/DOCX rendering.

WeasyPrint lays out PDFs from the Django templates in templates/resumes/documents/;
python-docx builds DOCX with the same sections and the template's accent colour and font.
"""

from resumes.rendering.formats import CONTENT_TYPES
from resumes.rendering.registry import TEMPLATES, ResumeTemplate, get_template
from resumes.rendering.resume import RESUME_FORMATS, render_resume, template_sample
from resumes.rendering.sample import SAMPLE_DOCUMENT

__all__ = [
    "CONTENT_TYPES",
    "RESUME_FORMATS",
    "SAMPLE_DOCUMENT",
    "TEMPLATES",
    "ResumeTemplate",
    "get_template",
    "render_resume",
    "template_sample",
]
