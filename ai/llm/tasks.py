"""The task registry: per task, its schema, the instruction for a remote model, the local
writer, which facts a remote model may see, and how its answer is completed and checked.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from ai.generation import (
    write_bullet_rewrites,
    write_cover_letter,
    write_gap_assessment,
    write_resume_review,
)
from ai.generation.cover_letter import TONES, signature
from ai.llm import schemas
from ai.llm.errors import EngineError, UnknownTask
from ai.llm.fact_guard import ALL_RULES, DEGREES, EMPLOYERS, NUMBERS, FactIndex, unsupported_claims

# Personal fields of the cover letter's candidate that never leave the machine.
PERSONAL_FIELDS = frozenset({"name", "email", "phone", "location", "links"})
# A job description beyond this adds cost, not facts the letter can use.
_DESCRIPTION_CHARS = 6000

_COMMON = (
    "You write text for Hirewise, a hiring platform. The user message holds the facts as a "
    "JSON object; use only those facts. Never invent an employer, school, degree, "
    "certification, number, date or achievement. Write a number only if it appears in the "
    "facts, exactly as written there. Never mention a person's name, gender, age or other "
    "personal details, and use no gendered pronouns. Answer with JSON matching the schema. "
)
_INSTRUCTIONS = {
    "resume_review": (
        "Review the resume described by the facts. `summary`: two or three sentences naming "
        "the strongest areas (from `ats_score.breakdown` and the profile's skills) and the "
        "area that needs most work. `pros` and `cons`: 3 to 6 short points each, each grounded "
        "in the breakdown, the deductions, the skills or the skill match."
    ),
    "cover_letter": (
        "Write a cover letter in the tone `tone`: professional (formal and measured, 3 to 4 "
        "paragraphs), enthusiastic (warm and energetic, 3 to 4 paragraphs) or concise (2 short "
        "paragraphs). Use the candidate's current title, years of experience, matched skills "
        "and one or two achievements from `candidate.experience[].bullets`. Name the company "
        'only as `job.company` gives it; when it is null, say "your team". Mention only '
        "employers, degrees, schools and certifications listed in the facts. `subject` is the "
        "email subject, `greeting` the salutation, `paragraphs` the body without greeting or "
        "sign-off, `closing` the sign-off phrase. Write no signature or contact details: "
        "they are added afterwards."
    ),
    "bullet_rewrites": (
        "Rewrite each resume bullet of `bullets` for the role `role_title`. Start with a "
        "strong past-tense action verb, use the active voice, drop personal pronouns, stay "
        "under 30 words and keep every term of `keywords` that the bullet contains. `issues` "
        "says what to fix: weak_verb, no_number, passive_voice, too_long, personal_pronoun. "
        "Never add a number, metric or result the bullet does not state; where a measurable "
        'result is missing, end with a bracketed prompt such as "[add a measurable result, '
        "e.g. 30% faster]\". Return one rewrite per bullet, with the bullet's `id`."
    ),
    "gap_assessment": (
        "Write `overall_assessment`: one paragraph of 3 to 5 sentences on how well the "
        "candidate fits the role `job_title`. Describe the fit from `match_percentage`, name "
        "the strengths in `matched_skills`, name every skill of `missing_required_skills` and "
        "`missing_preferred_skills`, and give the preparation time as `estimated_hours` hours."
    ),
}


def _unchanged(data: dict, _facts: dict) -> dict:
    return data


@dataclass(frozen=True)
class Task:
    """One generation task and everything an engine needs to perform it."""

    name: str
    schema: dict
    write: Callable[[dict], dict]
    remote_facts: Callable[[dict], dict]
    verify: Callable[[dict, dict], list[str]]
    remote_schema: dict | None = None
    complete: Callable[[dict, dict], dict] = _unchanged

    @property
    def instruction(self) -> str:
        return _COMMON + _INSTRUCTIONS[self.name]

    @property
    def answer_schema(self) -> dict:
        """The schema a remote model's answer must match before `complete`."""
        return self.remote_schema or self.schema


def get_task(name: str) -> Task:
    """The registered task called `name`."""
    try:
        return TASKS[name]
    except KeyError:
        raise UnknownTask(f"Unknown AI task {name!r}; use one of {', '.join(TASKS)}.") from None


# Facts a remote model may see ---------------------------------------------------------------


def _review_facts(facts: dict) -> dict:
    profile = {k: v for k, v in (facts.get("profile") or {}).items() if k != "personal_info"}
    return {**facts, "profile": profile}


def _letter_facts(facts: dict) -> dict:
    tone = facts.get("tone") or "professional"
    if tone not in TONES:
        raise ValueError(f"Unknown cover letter tone {tone!r}; use one of {', '.join(TONES)}.")
    candidate = {
        key: value
        for key, value in (facts.get("candidate") or {}).items()
        if key not in PERSONAL_FIELDS
    }
    job = dict(facts.get("job") or {})
    job["description"] = (job.get("description") or "")[:_DESCRIPTION_CHARS]
    return {"tone": tone, "candidate": candidate, "job": job}


def _as_given(facts: dict) -> dict:
    return facts


# Completing and checking a remote answer ---------------------------------------------------


def _complete_letter(data: dict, facts: dict) -> dict:
    return {**data, "signature": signature(facts.get("candidate") or {})}


def _complete_rewrites(data: dict, facts: dict) -> dict:
    """The rewrites in the order of the bullets, one for each."""
    by_id = {rewrite["id"]: rewrite for rewrite in data["rewrites"]}
    wanted = [bullet["id"] for bullet in facts.get("bullets") or []]
    missing = [bullet_id for bullet_id in wanted if bullet_id not in by_id]
    if missing or len(by_id) != len(wanted):
        raise EngineError(f"output does not answer every bullet (missing {missing})")
    return {"rewrites": [by_id[bullet_id] for bullet_id in wanted]}


def _verify_review(data: dict, facts: dict) -> list[str]:
    index = FactIndex(facts)
    texts = [data["summary"], *data["pros"], *data["cons"]]
    return _claims(texts, index, (NUMBERS, DEGREES))


def _verify_letter(data: dict, facts: dict) -> list[str]:
    texts = [data["subject"], data["greeting"], *data["paragraphs"], data["closing"]]
    return _claims(texts, FactIndex(facts), ALL_RULES)


def _verify_rewrites(data: dict, facts: dict) -> list[str]:
    """Each rewrite against its own bullet: no number or employer from elsewhere."""
    bullets = {bullet["id"]: bullet["text"] for bullet in facts.get("bullets") or []}
    context = [facts.get("role_title") or "", *(facts.get("keywords") or [])]
    problems = []
    for rewrite in data["rewrites"]:
        # Bracketed prompts hold example numbers for the candidate to replace, not claims.
        claim = re.sub(r"\[[^\]]*\]", "", rewrite["text"])
        index = FactIndex([bullets.get(rewrite["id"], ""), *context])
        problems += unsupported_claims(claim, index, rules=(NUMBERS, EMPLOYERS))
    return problems


def _verify_assessment(data: dict, facts: dict) -> list[str]:
    return _claims([data["overall_assessment"]], FactIndex(facts), (NUMBERS, DEGREES))


def _claims(texts: list[str], index: FactIndex, rules: tuple[str, ...]) -> list[str]:
    problems = [
        problem for text in texts for problem in unsupported_claims(text, index, rules=rules)
    ]
    return list(dict.fromkeys(problems))


TASKS: dict[str, Task] = {
    task.name: task
    for task in (
        Task(
            name="resume_review",
            schema=schemas.RESUME_REVIEW,
            write=write_resume_review,
            remote_facts=_review_facts,
            verify=_verify_review,
        ),
        Task(
            name="cover_letter",
            schema=schemas.COVER_LETTER,
            remote_schema=schemas.COVER_LETTER_BODY,
            write=write_cover_letter,
            remote_facts=_letter_facts,
            verify=_verify_letter,
            complete=_complete_letter,
        ),
        Task(
            name="bullet_rewrites",
            schema=schemas.BULLET_REWRITES,
            write=write_bullet_rewrites,
            remote_facts=_as_given,
            verify=_verify_rewrites,
            complete=_complete_rewrites,
        ),
        Task(
            name="gap_assessment",
            schema=schemas.GAP_ASSESSMENT,
            write=write_gap_assessment,
            remote_facts=_as_given,
            verify=_verify_assessment,
        ),
    )
}
TASK_NAMES = tuple(TASKS)
