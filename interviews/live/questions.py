"""One question per phase, with the rubric its answer is scored against.

What a question asks comes from facts only: the candidate's own experience (the parsed
resume), the scorer's missing key points of the previous answer, and a starter-bank
scenario for the job's skills. Its wording comes from the `live_interview_question` AI task
(the local writer offline, Gemini when configured, checked against the same facts); the
rubric never comes from a model.
"""

from dataclasses import dataclass, field

from ai.generation.facts import latest_job
from ai.generation.text import join_words, sentence, strip_end
from ai.llm import generate
from ai.skills import extract_skills
from interviews import rubric
from interviews.live.phases import QUESTION_TYPES
from interviews.models import LivePhase

SCENARIO_TYPES = ("situational", "problem_solving")
EXPECTED_SECONDS = 120


@dataclass(frozen=True)
class InterviewContext:
    """What the questions may draw on: the role, its skills and the candidate's profile."""

    job_title: str
    skills: list[str]
    profile: dict = field(default_factory=dict)
    seed: int = 0


def build_question(phase: str, context: InterviewContext, asked: list[dict], answers: list[dict]):
    """The question item for `phase`: id, phase, number, text, rubric and the wording engine."""
    item, facts = _BUILDERS[phase](context, asked, answers)
    facts = {"phase": phase, "job_title": context.job_title, **facts}
    wording = generate("live_interview_question", facts)
    return {
        "id": str(phase),
        "phase": str(phase),
        "number": len(asked) + 1,
        "text": wording.data["question"],
        "question_type": QUESTION_TYPES[phase],
        "expected_seconds": EXPECTED_SECONDS,
        "engine": wording.engine,
        **item,
    }


def _rubric(gold: str, points: list[dict], skills=()) -> dict:
    return {"gold_answer": gold, "key_points": points, "skills": list(skills)}


def _point(text: str, weight: float = 1.0, alternatives=()) -> dict:
    return {"text": text, "weight": weight, "alternatives": list(alternatives)}


def _profile_skills(profile: dict) -> list[str]:
    skills = profile.get("skills") or {}
    if isinstance(skills, dict):
        return [name for names in skills.values() for name in names]
    return [name for name in skills if isinstance(name, str)]


def _greeting(context: InterviewContext, asked, answers):
    job = latest_job(context.profile.get("experience") or []) or {}
    own = _profile_skills(context.profile)
    shared = [skill for skill in context.skills if skill in own] or context.skills[:3]
    background = f"I work as {job['title']}" if job.get("title") else "I have worked in this field"
    gold = " ".join(
        [
            sentence(background),
            sentence(f"My main skills are {join_words(shared or own[:3] or ['my craft'])}"),
            sentence(f"I want the {context.job_title} role because it builds on that work"),
        ]
    )
    points = [
        _point("your current role and background", 1.0, [job.get("title") or "my experience"]),
        _point(f"relevant skills such as {join_words(shared[:3]) or 'your skills'}", 1.0, shared),
        _point("why you want this role", 1.0, ["motivation for the role", "interested in role"]),
    ]
    return _rubric(gold, points, shared), {}


def _chosen_work(context: InterviewContext) -> tuple[dict, str]:
    """The experience entry and bullet that share most skills with the job (the latest
    entry's first bullet on a tie); ({}, "") when the resume lists no experience."""
    entries = [
        entry
        for entry in context.profile.get("experience") or []
        if isinstance(entry, dict) and (entry.get("bullets") or entry.get("title"))
    ]
    if not entries:
        return {}, ""
    latest = latest_job(entries) or entries[0]
    wanted = set(context.skills)
    candidates = [
        (len(wanted & set(extract_skills(bullet))), entry is latest, -index, entry, bullet)
        for entry in entries
        for index, bullet in enumerate(entry.get("bullets") or [])
        if isinstance(bullet, str) and strip_end(bullet)
    ]
    if not candidates:
        return latest, ""
    *_, entry, bullet = max(candidates, key=lambda candidate: candidate[:3])
    return entry, strip_end(bullet)


def _resume(context: InterviewContext, asked, answers):
    entry, bullet = _chosen_work(context)
    skills = extract_skills(bullet) if bullet else []
    points = [
        _point("the part you played", 2.0, ["my role", "I was responsible", "I led", "I built"]),
        _point(
            f"the skills and tools you used, such as {join_words(skills)}"
            if skills
            else "the skills and tools you used",
            1.0,
            skills,
        ),
        _point("the result or outcome of the work", 1.0, ["impact", "what came of it"]),
    ]
    if bullet:
        points.insert(0, _point(bullet, 2.0))
    gold = " ".join(
        part
        for part in (
            sentence(bullet) if bullet else "",
            sentence(f"I used {join_words(skills)}") if skills else "",
            "I explain my own part in the work and the result it had.",
        )
        if part
    )
    experience = {
        "title": entry.get("title") or "",
        "company": entry.get("company") or "",
        "bullets": [bullet] if bullet else [],
    }
    return _rubric(gold, points, skills), {"experience": experience}


def _last_answer(answers: list[dict]) -> dict:
    return answers[-1]["result"] if answers else {}


def _missed_points(asked: list[dict], answers: list[dict]) -> list[dict]:
    """The key points of the last question its answer did not make, as the scorer saw it."""
    missing = set(_last_answer(answers).get("missing_key_points") or [])
    return [point for point in asked[-1]["key_points"] if point["text"] in missing]


def _follow_up(context: InterviewContext, asked, answers):
    missed = _missed_points(asked, answers)
    if missed:
        gold = " ".join(sentence(point["text"]) for point in missed)
        facts = {"missing_points": [point["text"] for point in missed]}
        return _rubric(gold, missed, asked[-1]["skills"]), facts
    gold = (
        "I would keep what worked, change the part that cost the most time, and explain the "
        "trade-off behind that choice and what I learned from it."
    )
    points = [
        _point("what you would change", 1.0, ["do differently", "improve"]),
        _point("why: the trade-off or lesson learned", 1.0, ["lesson", "learned", "because"]),
    ]
    return _rubric(gold, points, asked[-1]["skills"]), {"missing_points": []}


def _scenario(context: InterviewContext, asked, answers):
    drawn = rubric.starter_items(
        skills=context.skills, types=SCENARIO_TYPES, limit=1, seed=context.seed
    ) or rubric.starter_items(skills=context.skills, limit=1, seed=context.seed)
    if not drawn:
        drawn = rubric.starter_items(role="behavioral", types=SCENARIO_TYPES, limit=1)
    item = drawn[0]
    facts = {"scenario": item["text"], "skills": item["skills"][:3]}
    return _rubric(item["gold_answer"], item["key_points"], item["skills"]), facts


def _scenario_follow_up(context: InterviewContext, asked, answers):
    missed = _missed_points(asked, answers)
    if missed:
        gold = " ".join(sentence(point["text"]) for point in missed)
        facts = {"missing_points": [point["text"] for point in missed]}
        return _rubric(gold, missed, asked[-1]["skills"]), facts
    gold = (
        "I would watch for the risks that could undo the plan, agree early on how success is "
        "measured, and check those measures after the change to know the approach worked."
    )
    points = [
        _point("the risks to watch for", 1.0, ["what could go wrong"]),
        _point("how success is measured", 1.0, ["metrics", "know it worked"]),
    ]
    return _rubric(gold, points, asked[-1]["skills"]), {"missing_points": []}


_BUILDERS = {
    LivePhase.GREETING: _greeting,
    LivePhase.RESUME: _resume,
    LivePhase.FOLLOW_UP: _follow_up,
    LivePhase.SCENARIO: _scenario,
    LivePhase.SCENARIO_FOLLOW_UP: _scenario_follow_up,
}
