"""Word 97-2003 (.doc) resumes through antiword, or LibreOffice when antiword fails or is absent."""

import tempfile
from pathlib import Path

from resumes.errors import ReaderMissing, UnreadableFile
from resumes.extraction.result import ExtractedText
from resumes.extraction.tools import find_tool, run_tool

ANTIWORD_TIMEOUT_SECONDS = 30
LIBREOFFICE_TIMEOUT_SECONDS = 120


def read_doc(data: bytes) -> ExtractedText:
    """Raises ReaderMissing (415) naming what to install when neither reader exists."""
    antiword = find_tool("antiword", "antiword")
    office = find_tool("libreoffice", "soffice", "libreoffice")
    if antiword is None and office is None:
        raise ReaderMissing(
            "Word 97-2003 (.doc) files need antiword or LibreOffice on the server, and neither "
            "is installed. Save the resume as DOCX or PDF and upload that."
        )
    with tempfile.TemporaryDirectory(prefix="hirewise-doc-") as folder:
        source = Path(folder) / "resume.doc"
        source.write_bytes(data)
        if antiword is not None:
            try:
                return _with_antiword(antiword, source)
            except UnreadableFile:
                if office is None:
                    raise
        return _with_libreoffice(office, source)


def _with_antiword(antiword: str, source: Path) -> ExtractedText:
    # -w 0: no hard line wrapping, so a paragraph stays one line; -m: UTF-8 output.
    output = run_tool(
        [antiword, "-m", "UTF-8.txt", "-w", "0", str(source)], timeout=ANTIWORD_TIMEOUT_SECONDS
    )
    text = output.decode("utf-8", errors="replace")
    return ExtractedText(text=text, pages=text.count("\f") + 1, method="antiword")


def _with_libreoffice(office: str, source: Path) -> ExtractedText:
    folder = source.parent
    # A private profile per run: concurrent conversions on one profile block each other.
    run_tool(
        [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(folder),
            str(source),
        ],
        timeout=LIBREOFFICE_TIMEOUT_SECONDS,
    )
    converted = source.with_suffix(".txt")
    if not converted.exists():
        raise UnreadableFile("The .doc file could not be converted to text.")
    text = converted.read_bytes().decode("utf-8-sig", errors="replace")
    return ExtractedText(text=text, pages=text.count("\f") + 1, method="libreoffice")
