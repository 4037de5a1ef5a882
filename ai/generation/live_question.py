"""The wording of one question of the live AI interview, phase by phase.

The interviews app decides what a question asks (the experience entry, the missed points,
the scenario) and how its answer is scored; this task only words it. Locally the wording is
a fixed sentence per phase; a remote model may say the same more naturally, and its words
pass the fact check against the same facts (no employer, number, degree or certification
the facts do not hold).
"""

from ai.generation.text import join_words, sentence, strip_end
from ai.llm.fact_guard import ALL_RULES, claims_in
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema

PHASES = ("greeting", "resume", "follow_up", "scenario", "scenario_follow_up")
MAX_POINTS_NAMED = 2
MAX_QUESTION_CHARS = 600


def write_live_question(facts: dict) -> dict:
    """The `live_interview_question` task: one question for `facts["phase"]`."""
    writer = _WRITERS[facts["phase"]]
    return {"question": writer(facts)}


def _role(facts: dict) -> str:
    title = facts.get("job_title")
    return f"the {title} role" if title else "this role"


def _greeting(facts: dict) -> str:
    return (
        "Welcome, and thank you for joining. To start, tell me about yourself: your "
        f"background, what you work on now, and what draws you to {_role(facts)}?"
    )


def _resume(facts: dict) -> str:
    job = facts.get("experience") or {}
    title, company = job.get("title"), job.get("company")
    where = f"as {title} at {company}" if title and company else f"as {title}" if title else ""
    bullet = strip_end((job.get("bullets") or [""])[0])
    if where and bullet:
        return (
            f"Your resume says that {where} you worked on this: “{bullet}”. Walk me through "
            "it: what was your part, which skills did you use, and what came of it?"
        )
    if where:
        return (
            f"Tell me about your work {where}: what was your part, which skills did you use, "
            "and what came of it?"
        )
    return (
        "Tell me about the piece of work you are proudest of: what was your part, which "
        "skills did you use, and what came of it?"
    )


def _missing(facts: dict) -> str:
    """The missed points as prose: a point in the interviewer's words ("the part you
    played") reads as it is; one quoted from the resume or the rubric is quoted."""
    points = [strip_end(point) for point in facts.get("missing_points") or []]
    return join_words(
        point if point.startswith(("the ", "your ", "what ", "why", "how ")) else f"“{point}”"
        for point in points[:MAX_POINTS_NAMED]
    )


def _follow_up(facts: dict) -> str:
    if facts.get("missing_points"):
        return (
            f"Thank you. Your answer said little about {_missing(facts)}. Could you tell me "
            "more about that part?"
        )
    return (
        "Thank you, that was thorough. If you did that work again, what would you do "
        "differently, and why?"
    )


def _scenario(facts: dict) -> str:
    skills = join_words(facts.get("skills") or [])
    uses = f", which calls for {skills}" if skills else ""
    return f"Now a scenario from {_role(facts)}{uses}. {sentence(facts['scenario'])}"


def _scenario_follow_up(facts: dict) -> str:
    if facts.get("missing_points"):
        return f"In that scenario, how would you address {_missing(facts)}?"
    return (
        "In that scenario, what risks would you watch for, and how would you know your "
        "approach worked?"
    )


_WRITERS = {
    "greeting": _greeting,
    "resume": _resume,
    "follow_up": _follow_up,
    "scenario": _scenario,
    "scenario_follow_up": _scenario_follow_up,
}

SCHEMA = object_schema({"question": TEXT})


def _verify(data: dict, facts: dict) -> list[str]:
    problems = claims_in([data["question"]], facts, ALL_RULES)
    if len(data["question"]) > MAX_QUESTION_CHARS:
        problems.append("the question is too long to be asked")
    return problems


register(
    Task(
        name="live_interview_question",
        schema=SCHEMA,
        brief=(
            "You are a friendly interviewer in a live interview for the role `job_title`. "
            "Write one spoken `question` of one to three sentences for the phase `phase`: "
            "greeting (ask the candidate to introduce themselves and why this role), resume "
            "(ask them to walk through the work in `experience`), follow_up (ask about the "
            "points in `missing_points` that their last answer left out, or what they would "
            "do differently when there are none), scenario (put the situation in `scenario` "
            "to them) or scenario_follow_up (ask how they would handle `missing_points` in "
            "that scenario, or what risks they would watch for). Ask only what the facts "
            "hold; do not answer the question."
        ),
        write=write_live_question,
        verify=_verify,
    )
)
