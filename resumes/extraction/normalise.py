"""One text shape for every reader, so the parser sees the same thing from a PDF and a DOCX."""

import re
import unicodedata

# Bullet glyphs people and word processors use; U+F0B7 is Word's Symbol-font bullet, which
# survives as a private-use character when a DOCX is printed to PDF.
BULLET_CHARS = "•▪\u2013\u2014*●\uf0b7\uf0a7◦‣○■□➢►▸✓✔·∙\u2043-"
_BULLET_AT_START = re.compile(rf"^[{re.escape(BULLET_CHARS)}][ \t]*(?=\S)", re.MULTILINE)
_LONE_BULLET = re.compile(rf"^[{re.escape(BULLET_CHARS)}][ \t]*\n(?=\S)", re.MULTILINE)
# Invisible or control characters (zero-width marks, BOM, soft hyphen, C0 controls but
# newline and tab). PDFium marks a hyphen it generated at a line break with U+0002.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\x00\x01\x03-\x08\x0b\x0e-\x1f\x7f]")
_EMPTY_RUNS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFKC, one line-break style, "- " bullets, single spaces, at most one empty line in a row.

    Line breaks are kept: the parser reads a resume line by line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFKC", text.replace("\u2028", "\n"))
    text = _INVISIBLE.sub("", text.replace("\x02", "-"))
    # Splitting each line on whitespace collapses runs and trims the ends in one pass, and
    # is several times faster than the equivalent regular expressions.
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = _LONE_BULLET.sub("- ", text)
    text = _BULLET_AT_START.sub("- ", text)
    text = _EMPTY_RUNS.sub("\n\n", text)
    return text.strip()
