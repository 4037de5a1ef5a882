import io

import docx
import pypdfium2
import pytest
from docx.oxml.ns import qn

from resumes.errors import UnknownTemplate
from resumes.rendering import (
    SAMPLE_DOCUMENT,
    TEMPLATES,
    get_template,
    render_resume,
    template_sample,
)

TEMPLATE_IDS = [template.id for template in TEMPLATES]


def pdf_pages(content: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(content)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def pdf_text(content: bytes) -> str:
    # pdfium reports a hyphen that ends a line (a long link wrapped in the sidebar) as U+FFFE.
    return " ".join(" ".join(pdf_pages(content)).replace("\ufffe", "-").split())


def docx_paragraphs(content: bytes) -> list:
    """Every paragraph, including those inside table cells (the sidebar layout)."""
    document = docx.Document(io.BytesIO(content))
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += cell.paragraphs
    return found


def long_document() -> dict:
    """The sample with twice the experience: enough for a second page."""
    jobs = SAMPLE_DOCUMENT["experience"]
    return {**SAMPLE_DOCUMENT, "experience": [*jobs, *jobs]}


def test_there_are_at_least_three_templates_each_with_a_name_and_description():
    assert len(TEMPLATES) >= 3
    assert len(set(TEMPLATE_IDS)) == len(TEMPLATE_IDS)
    assert {"classic", "modern", "compact"} <= set(TEMPLATE_IDS)
    for template in TEMPLATES:
        assert template.name and len(template.description) > 30
        assert template.as_dict() == {
            "id": template.id,
            "name": template.name,
            "description": template.description,
        }


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_pdf_shows_every_section_of_the_document(template_id):
    text = pdf_text(render_resume(SAMPLE_DOCUMENT, template_id, "pdf"))

    for expected in (
        "Alex Sample",
        "alex.sample@example.com",
        "linkedin.com/in/alex-sample-example",
        "Summary",
        "Experience",
        "Example Logistics Ltd",
        "Mar 2021 \u2013 Present",
        "Mentored 3 junior developers",
        "BSc in Computer Science",
        "Django, FastAPI, React",
        "Cloud Developer Certificate",
        "Spanish (professional)",
    ):
        assert expected.lower() in text.lower(), expected


def test_a_long_resume_flows_onto_a_second_page():
    pages = pdf_pages(render_resume(long_document(), "modern", "pdf"))

    assert len(pages) == 2
    assert "education" in pages[1].lower()


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_docx_has_the_same_structure_in_the_templates_look(template_id):
    template = get_template(template_id)
    content = render_resume(SAMPLE_DOCUMENT, template_id, "docx")
    paragraphs = docx_paragraphs(content)
    styles = docx.Document(io.BytesIO(content)).styles

    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert {"Summary", "Experience", "Education", "Skills", "Languages"} <= set(headings)
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert bullets[0].startswith("Led a team of 5 engineers")
    assert len(bullets) == 9
    assert any(p.text == "Alex Sample" and p.style.name == "Title" for p in paragraphs)
    assert styles["Heading 1"].font.color.rgb == docx.shared.RGBColor.from_string(
        template.accent.lstrip("#").upper()
    )
    assert styles["Normal"].font.name == template.font


def test_modern_docx_puts_details_in_a_sidebar_shaded_in_the_accent_colour():
    document = docx.Document(io.BytesIO(render_resume(SAMPLE_DOCUMENT, "modern", "docx")))
    sidebar, main = document.tables[0].rows[0].cells

    fill = sidebar._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fill == get_template("modern").accent.lstrip("#").upper()
    assert "alex.sample@example.com" in [p.text for p in sidebar.paragraphs]
    assert "Experience" in [p.text for p in main.paragraphs]


def test_a_sparse_document_renders_without_empty_sections():
    document = {
        "name": "Sam Short",
        "contact": {"email": "sam@example.com"},
        "experience": [{"title": "Clerk", "bullets": ["Filed 200 forms a week"]}],
    }

    text = pdf_text(render_resume(document, "classic", "pdf"))
    headings = [
        p.text
        for p in docx_paragraphs(render_resume(document, "compact", "docx"))
        if p.style.name == "Heading 1"
    ]

    assert "Filed 200 forms a week" in text
    assert "Education" not in text and "Skills" not in text
    assert headings == ["Experience"]


def test_resume_text_is_printed_as_text_never_interpreted_as_markup():
    document = {**SAMPLE_DOCUMENT, "summary": '<img src="file:///etc/passwd"> <b>bold claim</b>'}

    text = pdf_text(render_resume(document, "classic", "pdf"))

    assert '<img src="file:///etc/passwd">' in text
    assert "<b>bold claim</b>" in text


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_template_sample_is_a_clearly_fictional_resume(template_id):
    text = pdf_text(template_sample(template_id, "pdf"))
    paragraphs = [p.text for p in docx_paragraphs(template_sample(template_id, "docx"))]

    assert "Alex Sample" in text and "Sample data" in text
    assert "Alex Sample" in paragraphs


def test_unknown_template_is_a_404_naming_the_choices():
    with pytest.raises(UnknownTemplate) as raised:
        render_resume(SAMPLE_DOCUMENT, "fancy", "pdf")

    assert raised.value.status_code == 404
    assert "classic" in str(raised.value.detail)


def test_unknown_format_is_a_value_error():
    with pytest.raises(ValueError, match="pdf, docx"):
        render_resume(SAMPLE_DOCUMENT, "classic", "odt")
