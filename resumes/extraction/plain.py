"""Plain-text resumes: find the encoding (BOM, strict UTF-8, then detection) and decode."""

import codecs

import charset_normalizer

from resumes.errors import UnreadableFile
from resumes.extraction.result import ExtractedText

# UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# When detection finds several single-byte encodings equally plausible (short Western text
# often fits cp1250, cp1252 and cp1257 alike), Windows-1252 is by far the likeliest source.
PREFERRED_LEGACY_ENCODING = "cp1252"


def detect_encoding(data: bytes) -> str | None:
    """The codec name that decodes `data` as text, or None when it is not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding if _decodes(data, encoding) else None
    if _decodes(data, "utf-8"):
        return "utf-8"
    return _detected(data)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _detected(data: bytes) -> str | None:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and PREFERRED_LEGACY_ENCODING in match.could_be_from_charset:
            return PREFERRED_LEGACY_ENCODING
    return best.encoding


def read_txt(data: bytes) -> ExtractedText:
    """Decode a text file; pages are counted by form feeds, as printers do."""
    encoding = detect_encoding(data)
    if encoding is None:
        raise UnreadableFile("The text file's encoding cannot be recognised.")
    text = data.decode(encoding, errors="replace")
    return ExtractedText(text=text, pages=text.count("\f") + 1, method=f"txt:{encoding}")
