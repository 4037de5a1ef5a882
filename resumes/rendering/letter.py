"""A cover letter as PDF or DOCX: subject, greeting, paragraphs, closing, signature."""

from docx.shared import Pt

from resumes.rendering.docx_tools import new_document, to_bytes
from resumes.rendering.pdf import render_pdf

LETTER_FONT = "DejaVu Serif"
LETTER_ACCENT = "#1f3a5f"


def _signature_lines(letter: dict) -> list[str]:
    return [line for line in (letter.get("signature") or "").splitlines() if line.strip()]


def letter_pdf(letter: dict) -> bytes:
    context = {"letter": letter, "signature_lines": _signature_lines(letter)}
    return render_pdf("resumes/documents/cover_letter.html", context)


def letter_docx(letter: dict) -> bytes:
    document = new_document(
        font=LETTER_FONT,
        body_pt=11,
        accent=LETTER_ACCENT,
        margin_mm=25,
        title=letter.get("subject") or "Cover letter",
    )
    if letter.get("subject"):
        document.add_paragraph(letter["subject"], style="Heading 1")
    for text in (letter.get("greeting"), *letter.get("paragraphs", []), letter.get("closing")):
        if text:
            document.add_paragraph(text).paragraph_format.space_after = Pt(10)
    for line in _signature_lines(letter):
        document.add_paragraph(line).paragraph_format.space_after = Pt(0)
    return to_bytes(document)
