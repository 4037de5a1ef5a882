"""Local overall assessment of a candidate against a job, from the computed skill match."""

from ai.generation.text import format_number, join_limited, join_words
from ai.llm.fact_guard import DEGREES, NUMBERS, claims_in
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema

# Lower bound of the match percentage → how the match reads.
_BANDS = (
    (85.0, "an excellent match"),
    (70.0, "a strong match"),
    (50.0, "a good partial match"),
    (25.0, "a partial match"),
    (0.0, "an early match"),
)
_MATCHED_SHOWN = 5


def write_gap_assessment(facts: dict) -> dict:
    """The `gap_assessment` task: one paragraph on fit, gaps and preparation time."""
    sentences = [
        _fit_sentence(facts),
        _strengths_sentence(facts.get("matched_skills") or []),
        _gaps_sentence(
            facts.get("missing_required_skills") or [], facts.get("missing_preferred_skills") or []
        ),
        _time_sentence(
            int(facts.get("estimated_hours") or 0), bool(facts.get("missing_required_skills"))
        ),
    ]
    return {"overall_assessment": " ".join(sentence for sentence in sentences if sentence)}


def match_band(percentage: float) -> str:
    """How a match percentage reads: "a strong match" and the like."""
    return next(label for bound, label in _BANDS if percentage >= bound)


def _fit_sentence(facts: dict) -> str:
    percentage = float(facts.get("match_percentage") or 0.0)
    role = f"the {facts['job_title']} role" if facts.get("job_title") else "this role"
    return (
        f"Your profile is {match_band(percentage)} for {role}, covering "
        f"{format_number(percentage)}% of the required skills."
    )


def _strengths_sentence(matched: list[str]) -> str:
    if not matched:
        return "None of the required skills appear on the resume yet."
    return f"You already bring {join_limited(matched, _MATCHED_SHOWN)}."


def _gaps_sentence(required: list[str], preferred: list[str]) -> str:
    if required and preferred:
        return (
            f"The main gaps are the required {_skills(required)} {join_words(required)}; "
            f"{join_words(preferred)} would also strengthen the application."
        )
    if required:
        return f"The main gaps are the required {_skills(required)} {join_words(required)}."
    if preferred:
        return (
            f"Every required skill is covered; adding the preferred {_skills(preferred)} "
            f"{join_words(preferred)} would make the application stronger."
        )
    return "Every required and preferred skill is already covered."


def _time_sentence(hours: int, has_required_gaps: bool) -> str:
    if hours <= 0:
        return "No further preparation is needed beyond tailoring the resume to the posting."
    focus = "the required skills" if has_required_gaps else "the preferred skills"
    return (
        f"Closing these gaps takes about {hours} hours of focused study and project work; "
        f"start with {focus}."
    )


def _skills(names: list[str]) -> str:
    return "skill" if len(names) == 1 else "skills"


def _verify(data: dict, facts: dict) -> list[str]:
    return claims_in([data["overall_assessment"]], facts, (NUMBERS, DEGREES))


register(
    Task(
        name="gap_assessment",
        schema=object_schema({"overall_assessment": TEXT}),
        brief=(
            "Write `overall_assessment`: one paragraph of 3 to 5 sentences on how well the "
            "candidate fits the role `job_title`. Describe the fit from `match_percentage`, "
            "name the strengths in `matched_skills`, name every skill of "
            "`missing_required_skills` and `missing_preferred_skills`, and give the "
            "preparation time as `estimated_hours` hours."
        ),
        write=write_gap_assessment,
        verify=_verify,
    )
)
