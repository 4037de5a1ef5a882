"""OCR for PDFs without a text layer, with tesseract when the server has it."""

import io

import pypdfium2 as pdfium

from resumes.errors import NoReadableText
from resumes.extraction.tools import find_tool, run_tool

OCR_MAX_PAGES = 5  # OCR costs seconds per page; a scanned resume's content is up front
OCR_DPI = 300  # tesseract's accuracy drops sharply below 300 dpi
OCR_TIMEOUT_SECONDS = 60


def ocr_pages(document: pdfium.PdfDocument, count: int) -> str:
    """The text tesseract reads on the first pages, pages separated by an empty line.

    Raises NoReadableText naming the missing tool when tesseract is not installed: the
    file is refused rather than parsed into an empty or invented profile.
    """
    tesseract = find_tool("tesseract", "tesseract")
    if tesseract is None:
        raise NoReadableText(
            "The PDF has no text layer (is it a scan?) and this server has no OCR (tesseract) "
            "to read it. Upload a PDF with selectable text, or a DOCX."
        )
    pages = range(min(count, OCR_MAX_PAGES))
    return "\n\n".join(_ocr_page(tesseract, document[index]) for index in pages)


def _ocr_page(tesseract: str, page: pdfium.PdfPage) -> str:
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG")
    output = run_tool(
        [tesseract, "stdin", "stdout"], stdin=png.getvalue(), timeout=OCR_TIMEOUT_SECONDS
    )
    return output.decode("utf-8", errors="replace")
