"""Take identity out of resume text before anything is measured or sent to a language model.

Scores must not move when only the name, contact details or gender of a candidate change.
`redact` replaces the name, email addresses, links and the phone number with fixed
placeholders (what a language model may see); `neutralise` also maps gendered pronouns and
titles to one form, so "he led" and "she led" measure the same.
"""

import re
from dataclasses import dataclass

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S*", re.I)
GENDERED_RE = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
TITLE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mister|Madam)\b\.?")
NAME_TOKEN = "[name]"
EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"
LINK_TOKEN = "[link]"
# "they" for every gendered pronoun keeps the same length whatever the original was.
PRONOUN_TOKEN = "they"
TITLE_TOKEN = "Mx"


@dataclass(frozen=True)
class Neutraliser:
    """Built once per resume from its `personal_info`; applied to every string measured."""

    name_patterns: tuple[re.Pattern, ...]
    phone: str | None

    def redact(self, text: str) -> str:
        if not text:
            return text or ""
        text = EMAIL_RE.sub(EMAIL_TOKEN, text)
        text = URL_RE.sub(LINK_TOKEN, text)
        if self.phone:
            text = text.replace(self.phone, PHONE_TOKEN)
        for pattern in self.name_patterns:
            text = pattern.sub(NAME_TOKEN, text)
        return text

    def neutralise(self, text: str) -> str:
        text = self.redact(text)
        text = GENDERED_RE.sub(PRONOUN_TOKEN, text)
        return TITLE_RE.sub(TITLE_TOKEN, text)


def neutraliser_for(personal_info: dict | None) -> Neutraliser:
    """The full name anywhere (any case), then each part of it as written (case-sensitive).

    Parts are matched case-sensitively so a surname such as "Lead" or "Will" does not
    swallow the ordinary word in a bullet.
    """
    info = personal_info or {}
    name = (info.get("name") or "").strip()
    patterns: list[re.Pattern] = []
    if name:
        patterns.append(re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE))
        parts = {part for part in re.split(r"[\s,]+", name) if len(part) >= 2}
        patterns.extend(
            re.compile(r"(?<!\w)" + re.escape(part) + r"(?!\w)")
            for part in sorted(parts, key=lambda part: (-len(part), part))
        )
    phone = (info.get("phone") or "").strip() or None
    return Neutraliser(name_patterns=tuple(patterns), phone=phone)
