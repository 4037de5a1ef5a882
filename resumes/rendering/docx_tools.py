"""python-docx helpers shared by the resume, cover-letter and report documents."""

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_STYLED = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet")


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def set_font(element_with_rpr, name: str) -> None:
    """Name the face for every script; theme fonts in the default template would win otherwise."""
    rfonts = element_with_rpr.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_FONT_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), name)


def new_document(
    *, font: str, body_pt: float, accent: str, margin_mm: float, title: str
) -> DocxDocument:
    """An A4 document whose styles use `font`, with headings and title in the accent colour."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(margin_mm))
    styles = document.styles
    for name in _STYLED:
        set_font(styles[name].element, font)
    styles["Normal"].font.size = Pt(body_pt)
    for name, size in (("Title", body_pt * 2.2), ("Heading 1", body_pt * 1.3)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = rgb(accent)
    styles["Heading 1"].paragraph_format.space_before = Pt(body_pt * 1.2)
    styles["Heading 1"].paragraph_format.space_after = Pt(body_pt * 0.3)
    styles["Heading 2"].font.size = Pt(body_pt * 1.05)
    styles["Heading 2"].font.color.rgb = rgb("#1f2328")
    styles["Heading 2"].paragraph_format.space_before = Pt(body_pt * 0.6)
    properties = document.core_properties
    properties.title, properties.author, properties.comments = title, "Hirewise", ""
    properties.last_modified_by = "Hirewise"
    return document


def shade(cell, hex_colour: str) -> None:
    """Fill a table cell with a solid colour (python-docx has no API for cell shading)."""
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    properties.append(fill)


def add_label_value(container, label: str, value: str):
    """'Label: value' with the label in bold, as one paragraph."""
    paragraph = container.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)
    return paragraph


def to_bytes(document: DocxDocument) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
