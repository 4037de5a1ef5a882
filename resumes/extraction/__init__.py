"""Text extraction from uploaded resumes: one reader per file kind, one normalised result."""

from dataclasses import replace

from resumes.errors import NoReadableText, UnsupportedFileType
from resumes.extraction.legacy_word import read_doc
from resumes.extraction.normalise import normalise
from resumes.extraction.pdf import read_pdf
from resumes.extraction.plain import read_txt
from resumes.extraction.result import ExtractedText
from resumes.extraction.word import read_docx

__all__ = ["ExtractedText", "extract_text", "normalise"]

READERS = {"pdf": read_pdf, "docx": read_docx, "doc": read_doc, "txt": read_txt}


def extract_text(data: bytes, kind: str) -> ExtractedText:
    """The normalised text of a file `resumes.files.check_upload` accepted as `kind`.

    Raises the `resumes.errors` error a person should read: EncryptedFile, UnreadableFile,
    NoReadableText, ReaderMissing. Content is never made up: no text means an error.
    """
    reader = READERS.get(kind)
    if reader is None:
        raise UnsupportedFileType(f"Files of kind {kind!r} cannot be read.")
    extracted = reader(data)
    text = normalise(extracted.text)
    if not text:
        raise NoReadableText("The file contains no text.")
    return replace(extracted, text=text)
