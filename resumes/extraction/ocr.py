"""OCR for PDFs without a text layer: tesseract when the server has it, else the optional
pip-only RapidOCR extra (`make ocr`), else a message saying what to install."""

import functools
import io

import pypdfium2 as pdfium

from resumes.errors import NoReadableText
from resumes.extraction.spacing import respace
from resumes.extraction.tools import find_tool, run_tool

OCR_MAX_PAGES = 5  # OCR costs seconds per page; a scanned resume's content is up front
OCR_DPI = 300  # tesseract's accuracy drops sharply below 300 dpi
RAPID_DPI = 200  # RapidOCR reads resume type well at 200 dpi, in half the time of 300
OCR_TIMEOUT_SECONDS = 60
NO_OCR = (
    "The PDF has no text layer (is it a scan?) and this server has no OCR to read it "
    "(install tesseract, or the optional extra with `make ocr`). Upload a PDF with "
    "selectable text, or a DOCX."
)


def ocr_pages(document: pdfium.PdfDocument, count: int) -> str:
    """The text OCR reads on the first pages, pages separated by an empty line.

    Raises NoReadableText naming what to install when neither tesseract nor the RapidOCR
    extra is there: the file is refused rather than parsed into an empty or invented profile.
    """
    pages = [document[index] for index in range(min(count, OCR_MAX_PAGES))]
    tesseract = find_tool("tesseract", "tesseract")
    if tesseract is not None:
        return "\n\n".join(_tesseract_page(tesseract, page) for page in pages)
    engine = rapid_engine()
    if engine is None:
        raise NoReadableText(NO_OCR)
    return "\n\n".join(_rapid_page(engine, page) for page in pages)


def _tesseract_page(tesseract: str, page: pdfium.PdfPage) -> str:
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, format="PNG")
    output = run_tool(
        [tesseract, "stdin", "stdout"], stdin=png.getvalue(), timeout=OCR_TIMEOUT_SECONDS
    )
    return output.decode("utf-8", errors="replace")


@functools.cache
def rapid_engine():
    """The RapidOCR engine (its ONNX models ship in its wheel), or None when not installed."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    return RapidOCR()


def _rapid_page(engine, page: pdfium.PdfPage) -> str:
    import numpy as np

    image = page.render(scale=RAPID_DPI / 72).to_pil().convert("RGB")
    boxes, _ = engine(np.asarray(image))
    return "\n".join(respace(line) for line in reading_lines(boxes or []))


def reading_lines(boxes: list) -> list[str]:
    """RapidOCR's (corner points, text, score) boxes as lines in reading order: boxes whose
    heights overlap by half share a line, left to right."""
    placed = sorted(
        ((min(y for _, y in points), max(y for _, y in points), min(x for x, _ in points), text)
         for points, text, _ in boxes),
    )  # fmt: skip
    lines: list[list] = []
    for top, bottom, left, text in placed:
        if lines and _same_line(lines[-1], top, bottom):
            lines[-1].append((top, bottom, left, text))
        else:
            lines.append([(top, bottom, left, text)])
    return [" ".join(text for *_, text in sorted(line, key=lambda box: box[2])) for line in lines]


def _same_line(line: list, top: float, bottom: float) -> bool:
    line_top = min(box[0] for box in line)
    line_bottom = max(box[1] for box in line)
    overlap = min(bottom, line_bottom) - max(top, line_top)
    return overlap >= 0.5 * min(bottom - top, line_bottom - line_top)
