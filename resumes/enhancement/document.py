"""The enhanced resume: the parsed profile with the accepted suggestions applied.

Only what a person accepted changes; a rejected or unmentioned suggestion leaves the
document as parsed. Bracketed prompts in a proposal ("[add a measurable result ...]") are
questions for the person, not content, so they are left out of the document; a person who
wants to answer one passes their own text in `edits`.
"""

import copy
import re
from collections.abc import Iterable, Mapping

from ai.skills import category_of
from resumes.enhancement.contact import EMAIL_RE, LINKEDIN_PROFILE_RE
from resumes.enhancement.dates import date_range, tokens
from resumes.enhancement.lines import normalise, split_lines, strip_marker
from resumes.errors import SuggestionMismatch

_PROMPT_RE = re.compile(r"\s*\[[^\]]*\]")
_MIN_PREFIX = 15


def base_document(profile: dict) -> dict:
    """The document model renderers take, filled from a profile as parsed."""
    info = profile.get("personal_info") or {}
    experience = copy.deepcopy(profile.get("experience") or [])
    for entry in experience:
        # Parsers may keep the "•" of the source; the templates draw their own bullets.
        entry["bullets"] = [strip_marker(bullet) for bullet in entry.get("bullets") or []]
    return {
        "name": info.get("name"),
        "headline": next((entry["title"] for entry in experience if entry.get("title")), None),
        "contact": {
            "email": info.get("email"),
            "phone": info.get("phone"),
            "location": info.get("location"),
            "links": {key: value for key, value in (info.get("links") or {}).items() if value},
        },
        "summary": profile.get("summary"),
        "skills": copy.deepcopy(profile.get("skills") or {}),
        "experience": experience,
        "education": copy.deepcopy(profile.get("education") or []),
        "certifications": copy.deepcopy(profile.get("certifications") or []),
        "languages": copy.deepcopy(profile.get("languages") or []),
    }


def open_prompts(proposed: str | None, original: str | None = None) -> list[str]:
    """The bracketed prompts of a proposal that only the person can answer (the original's
    own brackets excepted): "[add a measurable result, e.g. 30% faster]"."""
    kept = set(_PROMPT_RE.findall(original or ""))
    return [prompt.strip() for prompt in _PROMPT_RE.findall(proposed or "") if prompt not in kept]


def without_prompts(proposed: str | None, original: str | None = None) -> str:
    """The proposal minus bracketed prompts the original did not already contain."""
    if not proposed:
        return ""
    kept = set(_PROMPT_RE.findall(original or ""))
    cleaned = _PROMPT_RE.sub(
        lambda match: match.group(0) if match.group(0) in kept else "", proposed
    )
    return re.sub(r"\s+([.,;])", r"\1", cleaned).strip()


def _check_lines(text: str, suggestions: list[dict]) -> None:
    """Refuse suggestions made for another version of the text (their line moved or changed)."""
    lines = split_lines(text)
    for item in suggestions:
        if item.get("line") is None or item.get("original") is None:
            continue
        number = item["line"]
        current = normalise(lines[number - 1]) if 0 < number <= len(lines) else None
        if current is None or not normalise(item["original"]).startswith(current):
            raise SuggestionMismatch(
                f"Suggestion {item['id']} does not match line {number} of this resume."
            )


def _replace_bullet(document: dict, original: str, text: str) -> None:
    key = normalise(original)
    for entry in document["experience"]:
        bullets = entry.get("bullets") or []
        for index, bullet in enumerate(bullets):
            current = normalise(bullet)
            near = min(len(current), len(key)) >= _MIN_PREFIX and (
                current.startswith(key) or key.startswith(current)
            )
            if current == key or near:
                bullets[index] = text
                return


def _add_skills(document: dict, text: str) -> None:
    for row in text.splitlines():
        names = row.split(":", 1)[-1]
        for name in (part.strip() for part in names.split(",")):
            category = category_of(name) if name else None
            if category and name not in document["skills"].setdefault(category, []):
                document["skills"][category].append(name)


def _fix_dates(document: dict, original: str, proposed: str) -> None:
    """Swap a reversed range, or mark a role current, on the entry the line's dates match."""
    before, after = date_range(original, tokens(original)), date_range(proposed, tokens(proposed))
    if not before or not after:
        return
    for entry in document["experience"]:
        if _same_month(entry.get("start"), before[0]) and _same_month(entry.get("end"), before[1]):
            if after[1].style == "present":
                entry["end"], entry["current"] = None, True
            else:
                entry["start"] = _as_profile_date(after[0])
                entry["end"] = _as_profile_date(after[1])
            return


def _same_month(value: str | None, token) -> bool:
    return bool(value) and value == _as_profile_date(token)


def _as_profile_date(token) -> str | None:
    if token.year is None:
        return None
    return f"{token.year}-{token.month:02d}" if token.month else f"{token.year}"


def _set_contact(document: dict, target: str, text: str) -> None:
    """Take the address out of the accepted line; nothing when it is still not valid."""
    pattern = EMAIL_RE if target == "email" else LINKEDIN_PROFILE_RE
    found = next((word for word in re.split(r"[\s|,;]+", text) if pattern.match(word)), None)
    if found and target == "email":
        document["contact"]["email"] = found
    elif found:
        document["contact"]["links"]["linkedin"] = found


def _apply_one(document: dict, item: dict, text: str) -> None:
    target = item.get("target")
    if target == "bullet":
        _replace_bullet(document, item["original"], text)
    elif target == "summary":
        document["summary"] = text
    elif target == "keywords":
        _add_skills(document, text)
    elif target in ("email", "linkedin"):
        _set_contact(document, target, text)
    elif target == "phone":
        document["contact"]["phone"] = text
    elif target == "dates":
        _fix_dates(document, item["original"], text)


def apply(
    text: str,
    profile: dict,
    suggestions: list[dict],
    accepted_ids: Iterable[str],
    *,
    edits: Mapping[str, str] | None = None,
) -> dict:
    """The enhanced document: `profile` with the accepted suggestions applied.

    `suggestions` are those `suggest` returned for this `text`; `edits` maps an accepted id
    to the person's own wording, used instead of the proposal. Unknown ids, and suggestions
    whose line no longer matches `text`, raise SuggestionMismatch (400, also a ValueError).
    Missing experience and education sections are guidance only: accepting them adds
    nothing, as only the person can write those.
    """
    by_id = {item["id"]: item for item in suggestions}
    accepted = list(dict.fromkeys(accepted_ids))
    unknown = sorted(set(accepted) - by_id.keys())
    if unknown:
        raise SuggestionMismatch(f"Unknown suggestion ids: {', '.join(unknown)}.")
    chosen = [by_id[item_id] for item_id in accepted]
    _check_lines(text, chosen)
    document = base_document(profile)
    for item in chosen:
        own = (edits or {}).get(item["id"])
        proposal = without_prompts(item.get("proposed"), item.get("original"))
        content = own.strip() if own else proposal
        if content:
            _apply_one(document, item, content)
    return document
