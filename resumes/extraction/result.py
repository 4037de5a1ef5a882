"""The one shape every reader returns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractedText:
    """Text read from a resume file.

    `pages` counts the PDF pages read (an estimate from rendered page breaks for DOCX, form
    feeds for TXT, 1 otherwise); `method` names the reader, e.g. "pypdfium2",
    "pypdfium2+columns", "pdfplumber", "ocr", "docx", "antiword", "libreoffice", "txt:utf-8".
    """

    text: str
    pages: int
    method: str
