"""Take identity out of resume text before anything is measured or sent to a language model.

Scores must not move when only the name, contact details or gender of a candidate change.
`redact` replaces the name, email addresses, links and the phone number with fixed
placeholders (what a language model may see); `neutralise` also maps gendered pronouns and
titles to one form, so "he led" and "she led" measure the same.
"""

import re
from dataclasses import dataclass

from ai.skills import canonical

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S*", re.I)
GENDERED_RE = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
TITLE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mister|Madam)\b\.?")
NAME_PLACEHOLDER = "[name]"
EMAIL_PLACEHOLDER = "[email]"
PHONE_PLACEHOLDER = "[phone]"
LINK_PLACEHOLDER = "[link]"
# One word for every gendered pronoun: "he led" and "she led" become the same text.
NEUTRAL_PRONOUN = "they"
NEUTRAL_TITLE = "Mx"


@dataclass(frozen=True)
class Neutraliser:
    """Built once per resume from its `personal_info`; applied to every string measured."""

    name_patterns: tuple[re.Pattern, ...]
    phone: str | None

    def redact(self, text: str) -> str:
        if not text:
            return text or ""
        text = EMAIL_RE.sub(EMAIL_PLACEHOLDER, text)
        text = URL_RE.sub(LINK_PLACEHOLDER, text)
        if self.phone:
            text = text.replace(self.phone, PHONE_PLACEHOLDER)
        for pattern in self.name_patterns:
            text = pattern.sub(NAME_PLACEHOLDER, text)
        return text

    def neutralise(self, text: str) -> str:
        text = self.redact(text)
        text = GENDERED_RE.sub(_neutral_pronoun, text)
        return TITLE_RE.sub(NEUTRAL_TITLE, text)


def _neutral_pronoun(match: re.Match) -> str:
    """Keeps a capital, so "He led" still starts a sentence."""
    return NEUTRAL_PRONOUN.capitalize() if match.group(0)[0].isupper() else NEUTRAL_PRONOUN


def neutraliser_for(personal_info: dict | None) -> Neutraliser:
    """The full name anywhere (any case), then each part of it as written (case-sensitive).

    Parts are matched case-sensitively so a surname such as "Lead" or "Will" does not
    swallow the ordinary word in a bullet; a part that is also a skill ("Perl") is left to
    the full name, so a misread name such as "Python Developer" cannot erase a skill.
    """
    info = personal_info or {}
    name = (info.get("name") or "").strip()
    patterns: list[re.Pattern] = []
    if name:
        patterns.append(re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE))
        parts = {
            part for part in re.split(r"[\s,]+", name) if len(part) >= 2 and canonical(part) is None
        }
        patterns.extend(
            re.compile(r"(?<!\w)" + re.escape(part) + r"(?!\w)")
            for part in sorted(parts, key=lambda part: (-len(part), part))
        )
    phone = (info.get("phone") or "").strip() or None
    return Neutraliser(name_patterns=tuple(patterns), phone=phone)
