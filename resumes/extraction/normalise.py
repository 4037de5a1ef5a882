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
# Inside a phone number, a soft hyphen or a carriage return is a separator a word processor
# kept, not a line break or nothing: "312\u00ad555" is "312-555", "312\r555" is "312 555".
_DIGIT_SOFT_HYPHEN = re.compile(r"(?<=\d)\u00ad(?=\d)")
_DIGIT_CARRIAGE_RETURN = re.compile(r"(?<=[\d)])\r(?=[ \t]*\(?\d)")
# "J O H N  D O E": letters spaced out, words set apart by a different (wider) gap.
_SPACED_OUT = re.compile(r"[^\W\d_](?:[ \t]+[^\W\d_]){3,}")
_GAP = re.compile(r"[ \t]+")
_ANY_SPACED_OUT = re.compile(
    r"^[ \t]*[^\W\d_][ \t][^\W\d_][ \t][^\W\d_][ \t][^\W\d_]", re.MULTILINE
)


def normalise(text: str) -> str:
    """NFKC, one line-break style, "- " bullets, single spaces, at most one empty line in a row.

    Line breaks are kept: the parser reads a resume line by line.
    """
    text = _DIGIT_CARRIAGE_RETURN.sub(" ", _DIGIT_SOFT_HYPHEN.sub("-", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = unicodedata.normalize("NFKC", text.replace("\u2028", "\n"))
    text = _INVISIBLE.sub("", text.replace("\x02", "-"))
    # Splitting each line on whitespace collapses runs and trims the ends in one pass, and
    # is several times faster than the equivalent regular expressions.
    if _ANY_SPACED_OUT.search(text):
        text = "\n".join(_one_line(line) for line in text.split("\n"))
    else:
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = _LONE_BULLET.sub("- ", text)
    text = _BULLET_AT_START.sub("- ", text)
    text = _EMPTY_RUNS.sub("\n\n", text)
    return text.strip()


def _one_line(line: str) -> str:
    """Spaces collapsed; a spaced-out line ("J O H N  D O E") read as its words."""
    stripped = line.strip()
    if stripped[1:2] in (" ", "\t") and _SPACED_OUT.fullmatch(stripped):
        return _spaced_out_words(stripped)
    return " ".join(line.split())


def _spaced_out_words(line: str) -> str:
    """The commonest gap separates letters; any other gap separates words. With one kind
    of gap only, the words cannot be told apart, and the letters are left as they are."""
    gaps = _GAP.findall(line)
    letter_gap = max(set(gaps), key=gaps.count)
    if len(set(gaps)) == 1:
        return " ".join(line.split())
    letters = _GAP.split(line)
    words = [letters[0]]
    for gap, letter in zip(gaps, letters[1:], strict=True):
        words[-1:] = [words[-1] + letter] if gap == letter_gap else [words[-1], letter]
    return " ".join(words)
