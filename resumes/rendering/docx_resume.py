"""A resume as DOCX: the same sections, order and template look as the PDF."""

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor

from resumes.rendering.docx_tools import add_label_value, new_document, shade, to_bytes
from resumes.rendering.registry import ResumeTemplate

SIDEBAR_MM = 62
_MUTED = RGBColor(0x4B, 0x55, 0x63)
_WHITE = RGBColor(0xFF, 0xFF, 0xFF)


def resume_docx(context: dict) -> bytes:
    """DOCX bytes for a resume context built by `resume_context`."""
    theme: ResumeTemplate = context["theme"]
    document = new_document(
        font=theme.font,
        body_pt=theme.body_pt,
        accent=theme.accent,
        margin_mm=theme.margin_mm,
        title=context["name"] or "Resume",
    )
    text_width = Mm(210 - 2 * theme.margin_mm)
    if theme.layout == "sidebar":
        _sidebar_layout(document, context, text_width)
    else:
        _single_column(document, context, text_width)
    return to_bytes(document)


def _single_column(document, context: dict, width) -> None:
    theme = context["theme"]
    _masthead(document, context, centred=theme.id == "classic")
    _summary(document, context)
    if theme.id == "compact":
        _skills_table(document, context)
    _entries(document, "Experience", context["experience"], width)
    _entries(document, "Education", context["education"], width)
    if theme.id != "compact":
        _skills(document, context)
    _lists(document, context)


def _sidebar_layout(document, context: dict, width) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    side, main = table.rows[0].cells
    main_width = width - Mm(SIDEBAR_MM)
    side.width, main.width = Mm(SIDEBAR_MM), main_width
    shade(side, context["theme"].accent)
    if context["contact"]:
        side.add_paragraph("Contact", style="Heading 1")
        for item in context["contact"]:
            side.add_paragraph(item)
    _skills(side, context)
    _lists(side, context)
    _recolour(side, _WHITE)
    _masthead(main, context, centred=False)
    _summary(main, context)
    _entries(main, "Experience", context["experience"], main_width - Mm(4))
    _entries(main, "Education", context["education"], main_width - Mm(4))
    for cell in (side, main):
        _drop_leading_blank(cell)


def _masthead(container, context: dict, *, centred: bool) -> None:
    paragraphs = [container.add_paragraph(context["name"], style="Title")]
    if context["headline"]:
        paragraphs.append(container.add_paragraph(context["headline"], style="Subtitle"))
    if context["contact"] and context["theme"].layout != "sidebar":
        line = container.add_paragraph(" · ".join(context["contact"]))
        line.runs[0].font.color.rgb = _MUTED
        paragraphs.append(line)
    if centred:
        for paragraph in paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _summary(container, context: dict) -> None:
    if context["summary"]:
        container.add_paragraph("Summary", style="Heading 1")
        container.add_paragraph(context["summary"])


def _entries(container, heading: str, entries: list[dict], width) -> None:
    if not entries:
        return
    container.add_paragraph(heading, style="Heading 1")
    for entry in entries:
        head = container.add_paragraph(style="Heading 2")
        head.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        head.add_run(entry["title"])
        if entry["period"]:
            period = head.add_run(f"\t{entry['period']}")
            period.bold, period.font.color.rgb = False, _MUTED
        if entry["org"]:
            org = container.add_paragraph(entry["org"])
            org.runs[0].font.color.rgb = _MUTED
        if entry.get("grade"):
            container.add_paragraph(entry["grade"])
        for bullet in entry.get("bullets", []):
            container.add_paragraph(bullet, style="List Bullet")


def _skills(container, context: dict) -> None:
    if context["skills"]:
        container.add_paragraph("Skills", style="Heading 1")
        for group in context["skills"]:
            add_label_value(container, group["label"], ", ".join(group["items"]))


def _skills_table(document, context: dict) -> None:
    if not context["skills"]:
        return
    document.add_paragraph("Skills", style="Heading 1")
    table = document.add_table(rows=0, cols=2)
    for group in context["skills"]:
        label, items = table.add_row().cells
        label.paragraphs[0].add_run(group["label"]).bold = True
        items.paragraphs[0].add_run(", ".join(group["items"]))


def _lists(container, context: dict) -> None:
    for heading, lines in (
        ("Certifications", context["certifications"]),
        ("Languages", context["languages"]),
    ):
        if lines:
            container.add_paragraph(heading, style="Heading 1")
            for line in lines:
                container.add_paragraph(line)


def _recolour(cell, colour: RGBColor) -> None:
    """Light text on the dark sidebar: every run, headings included."""
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = colour
        paragraph.paragraph_format.space_after = Pt(3)


def _drop_leading_blank(cell) -> None:
    """A new cell starts with an empty paragraph; drop it when real content follows."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)
