"""Certifications with their issuer and year: "AWS Certified Developer - Amazon, 2022"."""

import re

KNOWN_ISSUERS = (
    "Amazon Web Services", "AWS", "Microsoft", "Google Cloud", "Google", "Cisco", "CompTIA",
    "PMI", "Project Management Institute", "Scrum Alliance", "Scrum.org", "(ISC)2", "ISC2",
    "ISACA", "Linux Foundation", "The Linux Foundation", "CNCF", "HashiCorp", "Oracle",
    "Salesforce", "Red Hat", "Coursera", "Udemy", "edX", "DataCamp", "Databricks",
    "Snowflake", "MongoDB", "Confluent", "Kubernetes", "American Heart Association", "AHA",
    "American Red Cross", "Red Cross", "Adobe", "Axelos", "IIBA", "SHRM", "CFA Institute",
    "ACCA", "CIMA", "ICAEW", "AICPA", "NMC", "ANCC", "BLS", "Nursing and Midwifery Council",
    "Meta", "IBM", "SAP", "VMware", "Tableau", "Atlassian", "GitHub", "Offensive Security",
    "EC-Council", "Google Career Certificates", "Interaction Design Foundation", "NN/g",
    "Nielsen Norman Group", "IAPP", "ITIL", "PeopleCert", "Cloudera", "Alibaba Cloud",
)  # fmt: skip
_ISSUER = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(name) for name in KNOWN_ISSUERS) + r")(?![\w])",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w/.-])(?:19[5-9]\d|20\d\d)(?![\w])")
_BY = re.compile(r"\b(?:issued by|by|from)\s+(?P<issuer>.+)$", re.IGNORECASE)
_STRONG_SEPARATORS = re.compile(r"\s*(?:,|\||—|·|•|\t)\s*")
_DASH_SEPARATOR = re.compile(r"\s+[-\u2013]\s+")
_TRIM = " ,;:|-\u2013—"
_DATE_WORDS = re.compile(
    r"\b(?:issued|expires?|expiry|valid until|obtained|earned|completed|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.IGNORECASE,
)


def parse_certifications(lines: list[str]) -> list[dict]:
    """One certification per line, each once."""
    found: list[dict] = []
    for line in lines:
        line = line.removeprefix("- ").strip()
        if not line:
            continue
        certification = _certification(line)
        if certification and certification not in found:
            found.append(certification)
    return found


def _certification(line: str) -> dict | None:
    years = [int(year) for year in _YEAR.findall(line)]
    text = _DATE_WORDS.sub(" ", _YEAR.sub(" ", line))
    text = re.sub(r"\(\s*\)", " ", text)
    name, issuer = _name_and_issuer(text)
    if not name:
        return None
    return {"name": name, "issuer": issuer, "year": years[0] if years else None}


def _name_and_issuer(text: str) -> tuple[str, str | None]:
    """The name comes first; the issuer is a bracketed, separated or "by ..." part after it."""
    bracket = re.search(r"\(([^()]*)\)\s*$", text.strip(_TRIM))
    if bracket and _looks_like_issuer(bracket.group(1)):
        return _clean(text[: bracket.start()]), _clean(bracket.group(1))
    if match := _BY.search(text):
        return _clean(text[: match.start()]), _clean(match.group("issuer"))
    parts = [part for part in map(_clean, _STRONG_SEPARATORS.split(text)) if part]
    if not parts:
        return "", None
    name, issuer = parts[0], next((part for part in parts[1:] if _can_be_issuer(part)), None)
    pieces = _DASH_SEPARATOR.split(name, maxsplit=1)
    if issuer is None and len(pieces) == 2 and _looks_like_issuer(pieces[1]):
        return _clean(pieces[0]), _clean(pieces[1])
    return name, issuer


def _can_be_issuer(text: str) -> bool:
    """Not a licence number or credential id ("License #12345", "ID: AB-1")."""
    return not re.search(r"\d|#|\b(?:licen[cs]e|credential|id|no)\b", text, re.IGNORECASE)


def _looks_like_issuer(text: str) -> bool:
    """A bracketed issuer, not an abbreviation of the name such as "(CKA)"."""
    cleaned = _clean(text)
    if not cleaned or not _can_be_issuer(cleaned):
        return False
    return bool(_ISSUER.fullmatch(cleaned)) or len(cleaned.split()) >= 2


def _clean(text: str) -> str:
    """Spaces collapsed; separators and unbalanced brackets trimmed from the ends."""
    text = " ".join(text.split()).strip(_TRIM)
    if text.startswith("(") and ")" not in text:
        text = text[1:]
    if text.endswith(")") and "(" not in text:
        text = text[:-1]
    return text.strip(_TRIM)
