"""pdfplumber (pdfminer.six) as a second reader for pages PDFium cannot decode."""

import io
import logging

import pdfplumber

logger = logging.getLogger(__name__)


def plumber_page_texts(data: bytes, indexes: list[int]) -> dict[int, str]:
    """The text of the given pages (0-based) by pdfplumber; {} when it cannot read the PDF.

    pdfminer decodes fonts its own way (glyph names, font encodings), so it sometimes reads
    what PDFium cannot. It is a best-effort second opinion: a failure keeps PDFium's result.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return {
                index: pdf.pages[index].extract_text() or ""
                for index in indexes
                if index < len(pdf.pages)
            }
    except Exception:  # pdfminer raises many unrelated types for malformed files
        logger.info("pdfplumber could not read a PDF that PDFium opened", exc_info=True)
        return {}
