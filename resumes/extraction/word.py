"""DOCX resumes through python-docx: headers and footers, then the body in document order.

Word's bullets are numbering properties, not characters, so list paragraphs get the "- "
marker the parser expects. Tables (a common way to lay out skills or a two-column header)
are read row by row.
"""

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from resumes.errors import UnreadableFile
from resumes.extraction.result import ExtractedText

CELL_SEPARATOR = " | "


def read_docx(data: bytes) -> ExtractedText:
    """Header and footer text first (contact details often live there), then the body."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError) as e:
        raise UnreadableFile("The DOCX file is damaged and cannot be read.") from e
    blocks = [*_header_footer_blocks(document), *_blocks(document)]
    return ExtractedText(text="\n".join(blocks), pages=_page_estimate(document), method="docx")


def _header_footer_blocks(document) -> list[str]:
    seen: list[str] = []
    for section in document.sections:
        for part in _defined_headers_and_footers(section):
            for block in _blocks(part):
                if block not in seen:
                    seen.append(block)
    return seen


def _defined_headers_and_footers(section):
    parts = [section.header, section.footer]
    if section.different_first_page_header_footer:
        parts += [section.first_page_header, section.first_page_footer]
    # A part "linked to previous" has no content of its own: reading it would create one.
    return [part for part in parts if not part.is_linked_to_previous]


def _blocks(container) -> list[str]:
    """Text blocks of a document, header, footer or table cell, in order."""
    blocks: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_paragraph_text(item))
        elif isinstance(item, Table):
            blocks.extend(_table_blocks(item))
    return blocks


def _paragraph_text(paragraph: Paragraph) -> str:
    text = paragraph.text
    if text.strip() and _is_list_item(paragraph):
        return f"- {text.strip()}"
    return text


def _is_list_item(paragraph: Paragraph) -> bool:
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style
    return style is not None and (style.name or "").startswith("List")


def _table_blocks(table: Table) -> list[str]:
    """One line per row when every cell is one line ("Languages | Python, Go"), else cells."""
    blocks: list[str] = []
    for row in table.rows:
        cells = _unique_cells(row.cells)
        texts = ["\n".join(_blocks(cell)).strip() for cell in cells]
        texts = [text for text in texts if text]
        if all("\n" not in text for text in texts):
            blocks.append(CELL_SEPARATOR.join(texts))
        else:
            blocks.extend(texts)
    return blocks


def _unique_cells(cells) -> list:
    """Merged cells appear once per grid column they span; keep each once."""
    unique, seen = [], set()
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _page_estimate(document) -> int:
    body = document.element.body
    rendered = len(body.xpath(".//w:lastRenderedPageBreak"))
    explicit = len(body.xpath(".//w:br[@w:type='page']"))
    return max(rendered, explicit) + 1
