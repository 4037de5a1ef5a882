"""Personal details from a resume's header: name, email, phone, location and links."""

import re

from ai.skills import extract_skills
from resumes.parsing.dates import find_range
from resumes.parsing.places import is_location
from resumes.parsing.sections import heading_key
from resumes.parsing.vocabulary import COMPANY_WORDS, TITLE_WORDS, title_score

EMAIL = re.compile(r"(?<![\w.+-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@])")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_PHONE = re.compile(
    rf"(?<![\w+])(?:\+|00)?\(?\d{{1,4}}\)?(?:[\s./{_DASHES}-]{{0,2}}\(?\d{{1,5}}\)?){{1,6}}"
    r"(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\w])"
)
_ANY_DASH = re.compile(f"[{_DASHES}]")
_PHONE_LABEL = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|cell|handy|whatsapp)\b\.?\s*:?|\b[TMP]\s*:|☎|📞",
    re.IGNORECASE,
)
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 7, 15
LINK_PATTERNS = {
    "linkedin": re.compile(
        r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/(?:in|pub)/[\w%.-]+/?", re.IGNORECASE
    ),
    "github": re.compile(
        r"(?:https?://)?(?:www\.)?github\.com/[\w-]+(?:/[\w.-]+)?/?", re.IGNORECASE
    ),
    "stackoverflow": re.compile(
        r"(?:https?://)?(?:www\.)?stackoverflow\.com/users/\d+(?:/[\w-]+)?/?", re.IGNORECASE
    ),
}
_URL = re.compile(r"(?:https?://|www\.)[^\s,;|()<>]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"(?:[a-z0-9-]+\.)+(?:com|dev|io|me|net|org|co|app|design|tech|site|online|info|page|"
    r"blog|studio|xyz|ai|uk|de|fr|nl|ca|au|eu|es|it|ch|se|no|dk|pl|pt|ie|be|at|nz|in|sg)"
    r"(?:/[^\s,;|()<>]*)?",
    re.IGNORECASE,
)
_FIELD_SEPARATORS = re.compile(r"\s*(?:\||·|•|\t|✉|☎|📞|📧|🔗|📍|\s-\s|\s\u2013\s|\s—\s)\s*")
_LABEL = re.compile(
    r"^(?:e-?mail|phone|tel|mobile|cell|address|location|based in|linkedin|github|website|"
    r"web|portfolio|site|stack ?overflow|name)\s*:\s*",
    re.IGNORECASE,
)
_NAME_STOPWORDS = TITLE_WORDS | COMPANY_WORDS | {
    "resume", "résumé", "curriculum", "vitae", "cv", "page", "contact", "references",
    "street", "road", "avenue", "summary", "profile",
}  # fmt: skip
_NAME_PARTICLES = {
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin",
    "binti", "al", "el", "y", "dos", "das", "ten", "ter", "zu", "af",
}  # fmt: skip
_CREDENTIAL = re.compile(r"^[A-Z][A-Za-z.\-/]{1,9}$")  # "RN", "BSN", "PhD", "MSc", "C-EFM"
# Post-nominals written after a name without commas ("Jane Roe RN BSN").
_POST_NOMINALS = {
    "rn", "bsn", "msn", "dnp", "lpn", "lvn", "cna", "np", "aprn", "fnp", "ccrn", "cen", "pccn",
    "ocn", "cpa", "cma", "cfa", "cia", "mba", "phd", "md", "do", "jd", "esq", "esq.", "pe", "pmp",
    "shrm-cp", "shrm-scp", "phr", "sphr", "ea", "mph", "mpa", "msw", "lcsw", "psyd", "edd", "llm",
}  # fmt: skip
_NOT_A_NAME = re.compile(
    r"^(?:last\s+)?(?:updated|revised|modified)\b|^page\s+\d|^curriculum\s+vitae$",
    re.IGNORECASE,
)
MAX_HEADER_LINES = 12
MAX_BODY_LINES = 120  # a sidebar pushes the name down, but not past the first page


def parse_contact(header: list[str], contact: list[str], text: str) -> dict:
    """The `personal_info` of the profile; header and contact-section lines come first."""
    near = [line for line in header[:MAX_HEADER_LINES] + contact if line]
    fields = [field for line in near for field in split_fields(line)]
    return {
        "name": find_name(header, contact),
        "email": _first(EMAIL, near) or _first(EMAIL, [text]),
        "phone": find_phone(fields) or find_phone(_labelled_phone_lines(text)),
        "location": find_location(fields),
        "links": find_links(text, fields),
    }


def split_fields(line: str) -> list[str]:
    """ "Berlin | ada@x.dev · +49 30 1234" → its parts, labels ("Email:") removed."""
    parts = _FIELD_SEPARATORS.split(line)
    return [_LABEL.sub("", part).strip(" ,;") for part in parts if part.strip(" ,;")]


def _first(pattern: re.Pattern, lines: list[str]) -> str | None:
    for line in lines:
        if match := pattern.search(line):
            return match.group(0).rstrip(".")
    return None


def find_name(header: list[str], contact: list[str]) -> str | None:
    """The first header field that looks like a person's name (2-4 words, letters).

    Contact details sharing the name's line ("Jane Roe jane@x.dev") and lines such as
    "Last updated May 2025" are passed over.
    """
    for line in [*header[:MAX_HEADER_LINES], *contact[:4]]:
        if name := name_in_line(line):
            return name
    return None


def name_in_line(line: str) -> str | None:
    """The name in a line's first fields, or None."""
    if _NOT_A_NAME.search(line):
        return None
    for field in split_fields(line)[:2]:
        name = _as_name(_without_contact_details(field))
        if name and not is_location(field):
            return name
    return None


def name_line_in_body(lines: list[str]) -> int | None:
    """Where the name stands when the header has none: a sidebar read first puts the main
    column's name after it. A name line stands out by shape: capitals, or a job title or
    contact details right below it; skills and places are not names."""
    for index, line in enumerate(lines[:MAX_BODY_LINES]):
        if not line or heading_key(line) or not name_in_line(line):
            continue
        if is_location(line) or extract_skills(line):
            continue
        following = next((text for text in lines[index + 1 :] if text), "")
        below = title_score(following) > 0 or EMAIL.search(following) or heading_key(following)
        if line.isupper() or below:
            return index
    return None


def is_headline(line: str) -> bool:
    """A short job-title line such as "Registered Nurse" or "Senior Accountant | CPA"."""
    words = line.split()
    return 0 < len(words) <= 8 and title_score(line) > 0 and not heading_key(line)


def _without_contact_details(text: str) -> str:
    text = _URL.sub(" ", EMAIL.sub(" ", text))
    return _PHONE.sub(lambda match: " " if _is_phone(match.group(0)) else match.group(0), text)


def _as_name(text: str) -> str | None:
    text = _strip_credentials(text.strip())
    words = text.split()
    core = [word for word in words if word.lower() not in _NAME_PARTICLES]
    if not 2 <= len(core) <= 4 or len(words) > 6 or heading_key(text):
        return None
    if any(word.lower().strip(".,") in _NAME_STOPWORDS for word in words):
        return None
    if not all(_is_name_word(word) for word in core):
        return None
    return _title_case(text) if text.isupper() else text


def _strip_credentials(text: str) -> str:
    """ "Maria Santos, RN, BSN" or "MICHAEL CHEN RN BSN" → the name alone."""
    name, *rest = text.split(",")
    if rest and all(_CREDENTIAL.match(part.strip()) for part in rest if part.strip()):
        text = name.strip()
    words = text.split()
    while len(words) > 2 and words[-1].lower().strip(",") in _POST_NOMINALS:
        words.pop()
    return " ".join(words)


def _is_name_word(word: str) -> bool:
    if not word[0].isupper():
        return False
    return all(char.isalpha() or char in "'\u2019-." for char in word) and any(
        char.isalpha() for char in word
    )


def _title_case(text: str) -> str:
    """ "O'BRIEN-SMITH" → "O'Brien-Smith": capitalise after spaces, hyphens and apostrophes."""
    return re.sub(r"[^\W\d_]+", lambda match: match.group(0).capitalize(), text.lower())


def find_phone(fields: list[str]) -> str | None:
    for field in fields:
        for match in _PHONE.finditer(field):
            candidate = _ANY_DASH.sub("-", " ".join(match.group(0).split())).strip(" .-/")
            if _is_phone(candidate):
                return candidate
    return None


def _is_phone(candidate: str) -> bool:
    digits = sum(char.isdigit() for char in candidate)
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        return False
    # "2019 - 2021", "03/2019 - 05/2021" have enough digits but are dates.
    return find_range(candidate) is None


def _labelled_phone_lines(text: str) -> list[str]:
    return [
        line[match.end() :] for line in text.splitlines() if (match := _PHONE_LABEL.search(line))
    ]


def find_location(fields: list[str]) -> str | None:
    for field in fields:
        if is_location(field) and field.lower() not in {"remote", "hybrid"}:
            return field.strip("() ")
    return None


def find_links(text: str, fields: list[str]) -> dict:
    """LinkedIn, GitHub and Stack Overflow profiles, and one other website, as written."""
    links = {key: _clean_link(_first(pattern, [text])) for key, pattern in LINK_PATTERNS.items()}
    links["website"] = _website(text, fields)
    return links


def _website(text: str, fields: list[str]) -> str | None:
    candidates = [match.group(0) for match in _URL.finditer(text)]
    # A bare domain counts only as a whole header field: inside prose, "ASP.NET" or
    # "Node.js" would look like one.
    candidates += [field for field in fields if _BARE_DOMAIN.fullmatch(field)]
    for candidate in candidates:
        is_profile = any(pattern.search(candidate) for pattern in LINK_PATTERNS.values())
        if not is_profile and "@" not in candidate:
            return _clean_link(candidate)
    return None


def _clean_link(link: str | None) -> str | None:
    return link.rstrip("/.,;:") if link else None
