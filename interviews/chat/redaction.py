"""Personal details out of what the user typed, before a conversation can reach a model.

The user's own name (from their resume and their account), email addresses, links, their
resume's phone number and anything shaped like a phone number become placeholders.
"""

import re
from collections.abc import Callable

from resumes.analysis.neutral import PHONE_PLACEHOLDER, neutraliser_for

# Nine or more digits with the usual separators: a phone number, not a year or a range.
_PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
MIN_PHONE_DIGITS = 9


def redactor_for(user, parsed_resume: dict | None) -> Callable[[str], str]:
    """A function taking the user's personal details out of a text."""
    personal = dict((parsed_resume or {}).get("personal_info") or {})
    by_resume = neutraliser_for(personal)
    by_account = neutraliser_for({"name": user.name})

    def redact(text: str) -> str:
        text = by_account.redact(by_resume.redact(text))
        return _PHONE_LIKE.sub(_phone_placeholder, text)

    return redact


def _phone_placeholder(match: re.Match) -> str:
    digits = sum(character.isdigit() for character in match.group(0))
    return PHONE_PLACEHOLDER if digits >= MIN_PHONE_DIGITS else match.group(0)
