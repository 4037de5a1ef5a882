"""PDF resumes: PDFium's text layer read column by column, with two fallbacks.

The common path uses PDFium only (it is what the benchmark holds to 1.5x of a raw
`get_text_range()`): per page, the text rectangles decide whether the page has two
columns, and a two-column page is read left column first. A page whose text comes out
garbled (fonts without a usable Unicode map) gets a second opinion from pdfplumber; a PDF
with no text at all goes to OCR when tesseract is installed.
"""

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from resumes.errors import EncryptedFile, NoReadableText, UnreadableFile
from resumes.extraction.columns import find_columns
from resumes.extraction.ocr import ocr_pages
from resumes.extraction.plumber import plumber_page_texts
from resumes.extraction.result import ExtractedText

MAX_PAGES = 20  # a resume is rarely longer; this bounds the work one upload can cause
MIN_TEXT_CHARS = 20  # fewer visible characters in the whole file: treat as having no text
DOUBTFUL = 0.4  # readability below which a page gets a second reader
UNREADABLE = 0.1  # readability below which a page's text is dropped as garbage
# Replacement character, C0 controls, and private-use code points except the Symbol-font
# bullets (U+F0A7, U+F0B7) that Word leaves in PDFs.
_UNREADABLE = re.compile("[\ufffd\x00-\x08\x0e-\x1f\ue000-\uf0a6\uf0a8-\uf0b6\uf0b8-\uf8ff]")
_INVISIBLE = re.compile(r"\s+")
_ENOUGH_TEXT = re.compile(rf"(?:\s*\S){{{MIN_TEXT_CHARS}}}")
SAMPLE_CHARS = 2000
_NOT_LETTER = re.compile(r"[\W\d_]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
MARGIN_DATED_SHARE = 0.4  # share of a margin column's lines that hold a year
MARGIN_WORDS = 5  # words per line, on average, at most in a margin column
_METHOD_PRIORITY = ("pdfplumber", "pypdfium2+columns", "pypdfium2")


def read_pdf(data: bytes) -> ExtractedText:
    """The text of the first `MAX_PAGES` pages; `pages` is the PDF's full page count."""
    document = _open(data)
    try:
        total = len(document)
        if total == 0:
            raise UnreadableFile("The PDF has no pages.")
        count = min(total, MAX_PAGES)
        pages = [_page_text(document[index]) for index in range(count)]
        pages = _with_second_opinion(data, pages)
        text = "\n\n".join(text for text, _ in pages)
        if has_text(text):
            return ExtractedText(text=text, pages=total, method=_method(pages))
        return _read_scanned(document, count, total)
    finally:
        document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFile() from error
        raise UnreadableFile("The PDF is damaged and cannot be read.") from error


def _page_text(page: pdfium.PdfPage) -> tuple[str, str]:
    textpage = page.get_textpage()
    rects = [textpage.get_rect(index) for index in range(textpage.count_rects())]
    layout = find_columns(rects)
    if layout is None:
        return textpage.get_text_range(), "pypdfium2"
    parts = [textpage.get_text_bounded(*box) for box in layout.boxes()]
    if any(_is_margin_column(part) for part in parts[1:3]):
        # Dates and places set beside each entry (moderncv's date column, awesome-cv's
        # right-aligned places) are part of the entry's lines, not a column of their own.
        return textpage.get_text_range(), "pypdfium2"
    return "\n".join(part for part in parts if part.strip()), "pypdfium2+columns"


def _is_margin_column(text: str) -> bool:
    """Short lines, many of them dates: a margin beside entries rather than a sidebar."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    dated = sum(bool(_YEAR.search(line)) for line in lines)
    words = sum(len(line.split()) for line in lines)
    return dated >= MARGIN_DATED_SHARE * len(lines) and words <= MARGIN_WORDS * len(lines)


def has_text(text: str) -> bool:
    """At least `MIN_TEXT_CHARS` visible characters (stops looking once it has them)."""
    return _ENOUGH_TEXT.match(text) is not None


def readability(text: str) -> float:
    """Share of a page's visible characters that are letters, less unreadable ones (-1..1).

    Resume text scores about 0.75 (letters, some digits and punctuation); text from a font
    without a Unicode map scores near or below zero. The page's first `SAMPLE_CHARS`
    characters decide: a page is set in one or two fonts, and this runs on every page.
    """
    sample = text[:SAMPLE_CHARS]
    visible = len(_INVISIBLE.sub("", sample))
    if visible == 0:
        return 1.0
    unreadable = len(_UNREADABLE.findall(sample))
    letters = len(_NOT_LETTER.sub("", sample))
    return (letters - unreadable) / visible


def _with_second_opinion(data: bytes, pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pages that read poorly are read again by pdfplumber, and the better reading is kept.

    A page that stays mostly unreadable both ways is dropped rather than passed on: the
    parser must never take unreadable characters for content.
    """
    doubtful = [index for index, (text, _) in enumerate(pages) if readability(text) < DOUBTFUL]
    if not doubtful:
        return pages
    second = plumber_page_texts(data, doubtful)
    result = list(pages)
    for index in doubtful:
        other = second.get(index, "")
        if has_text(other) and readability(other) > readability(result[index][0]):
            result[index] = (other, "pdfplumber")
        if readability(result[index][0]) < UNREADABLE:
            result[index] = ("", "pypdfium2")
    return result


def _method(pages: list[tuple[str, str]]) -> str:
    used = {method for text, method in pages if text}
    return next((method for method in _METHOD_PRIORITY if method in used), "pypdfium2")


def _read_scanned(document: pdfium.PdfDocument, count: int, total: int) -> ExtractedText:
    text = ocr_pages(document, count)
    if not has_text(text):
        raise NoReadableText("The PDF has no text layer, and OCR found no readable text in it.")
    return ExtractedText(text=text, pages=total, method="ocr")
