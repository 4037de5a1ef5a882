"""Small wording helpers shared by the local writers."""

from collections.abc import Iterable, Sequence


def join_words(items: Iterable[str]) -> str:
    """Join words as prose: "A", "A and B", "A, B and C"."""
    words = [item for item in items if item]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def join_limited(items: Sequence[str], limit: int) -> str:
    """Join at most `limit` names and say how many more there are."""
    if len(items) <= limit:
        return join_words(items)
    rest = len(items) - limit
    return f"{', '.join(items[:limit])} and {rest} more"


def format_number(value: float | int) -> str:
    """72.0 → "72", 72.5 → "72.5": the number as the facts hold it, without a trailing .0."""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return format(number, "f").rstrip("0")


def format_years(value: float | int | None) -> str | None:
    """5 → "5 years", 1 → "1 year", 5.5 → "5.5 years"; None when there is no experience."""
    if not value or value <= 0:
        return None
    unit = "year" if float(value) == 1 else "years"
    return f"{format_number(value)} {unit}"


def capitalise(text: str) -> str:
    """Upper-case the first character only, so acronyms and names inside keep their case."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A capitalised sentence ending in exactly one full stop (or its own ! or ?)."""
    text = capitalise(text.strip())
    if text.endswith((".", "!", "?")):
        return text
    return f"{text}."


def strip_end(text: str) -> str:
    """Drop trailing full stops, semicolons and spaces so the text can be embedded."""
    return text.strip().rstrip(".;: ").strip()
