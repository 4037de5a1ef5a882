"""Cover letters in three tones, written only from the resume's and the job's facts.

The AI gateway writes the words (Gemini when configured, else the local engine) from facts
built here; nothing else about the person or the job reaches it, so the letter cannot name
an employer, degree or number that neither the resume nor the posting holds.
"""

from ai.llm import generate
from resumes.analysis import JobTarget, skill_match
from resumes.errors import UnknownTone
from resumes.rendering.formats import require_format
from resumes.rendering.letter import letter_docx, letter_pdf

TONES = ("professional", "enthusiastic", "concise")
LETTER_FORMATS = ("txt", "pdf", "docx")
# The letter cites a few recent roles; older ones add length, not persuasion.
MAX_ROLES = 4


def _skill_names(profile: dict) -> list[str]:
    return [name for names in (profile.get("skills") or {}).values() for name in names]


def _current_title(experience: list[dict]) -> str | None:
    current = [entry for entry in experience if entry.get("current") and entry.get("title")]
    titled = current or [entry for entry in experience if entry.get("title")]
    return titled[0]["title"] if titled else None


def letter_facts(profile: dict, job: JobTarget, tone: str) -> dict:
    """The `cover_letter` task's facts: the profile's and the job's, nothing more."""
    info = profile.get("personal_info") or {}
    experience = profile.get("experience") or []
    skills = _skill_names(profile)
    return {
        "tone": tone,
        "candidate": {
            "name": info.get("name"),
            "email": info.get("email"),
            "phone": info.get("phone"),
            "location": info.get("location"),
            "current_title": _current_title(experience),
            "total_experience_years": profile.get("total_experience_years") or 0.0,
            "skills": skills,
            "matched_skills": skill_match(skills, job)["matched_skills"],
            "experience": [
                {key: entry.get(key) for key in ("title", "company", "start", "end", "bullets")}
                for entry in experience[:MAX_ROLES]
            ],
            "education": profile.get("education") or [],
            "certifications": profile.get("certifications") or [],
        },
        "job": {
            "title": job.title,
            "company": job.company,
            "description": job.description,
            "required_skills": list(job.required_skills),
        },
    }


def letter_text(parts: dict) -> str:
    """Greeting, paragraphs, closing and signature as plain text, blank lines between."""
    blocks = [parts["greeting"], *parts["paragraphs"], parts["closing"]]
    text = "\n\n".join(block.strip() for block in blocks if block and block.strip())
    signature = (parts.get("signature") or "").strip()
    return f"{text}\n{signature}" if signature else text


def compose(profile: dict, job: JobTarget, tone: str) -> dict:
    """A cover letter for `job` from the parsed `profile`, in `tone`.

    Returns subject, greeting, paragraphs, closing, signature, the assembled `text`, and
    `engine` (`{"engine", "model", "fallback_reason"}`). UnknownTone (400) for another tone.
    """
    if tone not in TONES:
        raise UnknownTone(f"Unknown tone {tone!r}: choose one of {', '.join(TONES)}.")
    result = generate("cover_letter", letter_facts(profile, job, tone))
    parts = {key: result.data[key] for key in ("subject", "greeting", "closing", "signature")}
    parts["paragraphs"] = list(result.data["paragraphs"])
    return {**parts, "text": letter_text(parts), "engine": result.meta()}


def render_cover_letter(letter: dict, fmt: str) -> bytes:
    """The letter `compose` returned as txt (UTF-8), pdf or docx bytes."""
    require_format(fmt, LETTER_FORMATS)
    if fmt == "txt":
        return (letter.get("text") or letter_text(letter)).encode("utf-8")
    if fmt == "pdf":
        return letter_pdf(letter)
    return letter_docx(letter)
