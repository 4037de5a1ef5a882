"""Local writers of interview questions: drafts for a question bank, personal questions with
suggested answers drawn from one's own resume, and a fresh wording of one suggested answer.

The bank's drafts locally are the starter-bank items the caller drew and passes in
`facts["bank"]` (written and checked by people, then templates for skills the bank lacks);
a remote model writes its own from the skills. Personal answers use only the profile's own
titles, employers, bullets and skills. No writer produces a number of its own: weights and
times are set by the caller.
"""

from ai.generation.facts import latest_job
from ai.generation.text import join_words, sentence, strip_end
from ai.llm.fact_guard import ALL_RULES, DEGREES, NUMBERS, claims_in
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema

QUESTION_TYPES = ("technical", "behavioral", "situational", "problem_solving")
DIFFICULTIES = ("easy", "medium", "hard")


def write_interview_questions(facts: dict) -> dict:
    """The `interview_questions` task: the drafts the caller drew (the starter bank first,
    then its templates for the skills the bank lacks), up to `count`."""
    count = int(facts.get("count") or 0)
    return {"questions": [_draft(item) for item in (facts.get("bank") or [])[:count]]}


def _draft(item: dict) -> dict:
    return {
        "text": item["text"],
        "question_type": item["question_type"],
        "difficulty": item["difficulty"],
        "skills": list(item.get("skills") or []),
        "gold_answer": item["gold_answer"],
        "key_points": [
            {"text": point["text"], "alternatives": list(point.get("alternatives") or [])}
            for point in item.get("key_points") or []
        ],
    }


# --- Personal questions from one's own resume ------------------------------------------------


def write_personal_questions(facts: dict) -> dict:
    """The `personal_questions` task: questions about the resume, answered from its facts."""
    profile = facts.get("profile") or {}
    wanted = int(facts.get("num_questions") or 0)
    makers = [*_skill_questions(profile, facts), *_story_questions(profile, facts)]
    questions = []
    for maker in makers:
        if len(questions) >= wanted:
            break
        questions.append(maker)
    return {"questions": questions}


def write_suggested_answer(facts: dict) -> dict:
    """The `suggested_answer` task: another wording of the answer to one question."""
    profile = facts.get("profile") or {}
    variant = int(facts.get("variant") or 1)
    return {"answer": answer_from_profile(profile, facts.get("question") or "", variant=variant)}


def answer_from_profile(profile: dict, question: str, *, variant: int = 0) -> str:
    """An answer to `question` from the bullets that share most words with it."""
    bullets = _bullets(profile)
    if not bullets:
        return _summary_answer(profile)
    words = set(_words(question))
    ranked = sorted(bullets, key=lambda item: -len(words & set(_words(item[1]))))
    job, bullet = ranked[variant % len(ranked)]
    skills = _skills(profile)[:3]
    return " ".join(
        [
            _role_opening(job),
            sentence(f"I {_first_person(bullet)}"),
            sentence(f"I worked with {join_words(skills)}") if skills else "",
            "That experience is what I would bring to this role.",
        ]
    ).replace("  ", " ")


def _skill_questions(profile: dict, facts: dict) -> list[dict]:
    return [
        {
            "question": f"Describe your experience with {skill} and how you have used it in "
            "your work.",
            "category": "technical",
            "difficulty": "medium",
            "answer": answer_from_profile(profile, skill),
        }
        for skill in _skills(profile)[:4]
    ]


def _story_questions(profile: dict, facts: dict) -> list[dict]:
    role = facts.get("job_title") or "this role"
    company = facts.get("company")
    target = f"the {role} role at {company}" if company else f"the {role} role"
    questions = []
    for job, bullet in _bullets(profile)[:6]:
        questions.append(
            {
                "question": f"Tell me about a time you {_first_person(bullet)}. What was your "
                "part, and what was the result?",
                "category": "behavioral",
                "difficulty": "medium",
                "answer": " ".join([_role_opening(job), sentence(f"I {_first_person(bullet)}")]),
            }
        )
    questions.append(
        {
            "question": f"Why are you a good fit for {target}?",
            "category": "situational",
            "difficulty": "easy",
            "answer": _summary_answer(profile),
        }
    )
    return questions


def _role_opening(job: dict) -> str:
    title, company = job.get("title"), job.get("company")
    if title and company:
        return f"In my role as {title} at {company}, I took this on directly."
    if title:
        return f"In my role as {title}, I took this on directly."
    return "In a previous role, I took this on directly."


def _summary_answer(profile: dict) -> str:
    parts = []
    if profile.get("summary"):
        parts.append(sentence(strip_end(profile["summary"])))
    job = latest_job(profile.get("experience") or [])
    if job:
        parts.append(_role_opening(job).replace(" I took this on directly.", " I work as one."))
    skills = _skills(profile)[:4]
    if skills:
        parts.append(sentence(f"My strongest skills are {join_words(skills)}"))
    return " ".join(parts) or "I would describe the experience most relevant to this role."


def _bullets(profile: dict) -> list[tuple[dict, str]]:
    return [
        (job, strip_end(bullet))
        for job in profile.get("experience") or []
        if isinstance(job, dict)
        for bullet in job.get("bullets") or []
        if isinstance(bullet, str) and len(bullet.split()) >= 4
    ]


def _skills(profile: dict) -> list[str]:
    skills = profile.get("skills") or {}
    if isinstance(skills, dict):
        return [name for names in skills.values() for name in names]
    return [name for name in skills if isinstance(name, str)]


def _first_person(bullet: str) -> str:
    """ "Led the migration of 14 services" → "led the migration of 14 services"."""
    words = bullet.split()
    if words and words[0][:1].isupper() and not words[0].isupper():
        words[0] = words[0].lower()
    if words and words[0] in _NOT_VERBS:
        words.insert(0, "was")
    return " ".join(words)


# Bullets that open with an adjective read as "I was responsible for ...".
_NOT_VERBS = frozenset({"responsible", "involved", "accountable", "part"})


def _words(text: str) -> list[str]:
    return [word.strip(".,;:()").lower() for word in text.split() if len(word) > 3]


# --- The tasks ---------------------------------------------------------------------------------

_KEY_POINT = object_schema({"text": TEXT, "alternatives": {"type": "array", "items": TEXT}})
DRAFTS_SCHEMA = object_schema(
    {
        "questions": {
            "type": "array",
            "items": object_schema(
                {
                    "text": TEXT,
                    "question_type": TEXT,
                    "difficulty": TEXT,
                    "skills": {"type": "array", "items": TEXT},
                    "gold_answer": TEXT,
                    "key_points": {"type": "array", "items": _KEY_POINT, "minItems": 1},
                }
            ),
        }
    }
)
PERSONAL_SCHEMA = object_schema(
    {
        "questions": {
            "type": "array",
            "items": object_schema(
                {"question": TEXT, "category": TEXT, "difficulty": TEXT, "answer": TEXT}
            ),
        }
    }
)
ANSWER_SCHEMA = object_schema({"answer": TEXT})


def _verify_drafts(data: dict, facts: dict) -> list[str]:
    """Known types and difficulties, the asked count at most, and no numbers of its own."""
    problems = []
    if len(data["questions"]) > int(facts.get("count") or 0):
        problems.append("more questions than asked for")
    for draft in data["questions"]:
        if draft["question_type"] not in QUESTION_TYPES:
            problems.append(f"unknown question type {draft['question_type']!r}")
        if draft["difficulty"] not in DIFFICULTIES:
            problems.append(f"unknown difficulty {draft['difficulty']!r}")
    texts = [
        text
        for draft in data["questions"]
        for text in (draft["text"], draft["gold_answer"], *(p["text"] for p in draft["key_points"]))
    ]
    return problems + claims_in(texts, facts, (NUMBERS, DEGREES))


def _verify_personal(data: dict, facts: dict) -> list[str]:
    problems = [
        f"unknown category {item['category']!r}"
        for item in data["questions"]
        if item["category"] not in QUESTION_TYPES
    ]
    texts = [text for item in data["questions"] for text in (item["question"], item["answer"])]
    return problems + claims_in(texts, facts, ALL_RULES)


def _verify_answer(data: dict, facts: dict) -> list[str]:
    return claims_in([data["answer"]], facts, ALL_RULES)


def _drafts_facts(facts: dict) -> dict:
    """The starter bank stays local: a remote model writes its own drafts."""
    return {key: value for key, value in facts.items() if key != "bank"}


register(
    Task(
        name="interview_questions",
        schema=DRAFTS_SCHEMA,
        brief=(
            "Write `count` interview questions for a hiring team, each testing one or more of "
            "`skills`, of the difficulty `difficulty` and of the types listed in `types` "
            "(technical, behavioral, situational, problem_solving). For each: `text` the "
            "question; `question_type` and `difficulty` from those lists; `skills` the skills "
            "of `skills` it tests; `gold_answer` a model answer of 60 to 150 words; "
            "`key_points` 3 to 6 points a good answer must make, each a short phrase in `text` "
            "with other wordings of it in `alternatives`. Write no numbers."
        ),
        write=write_interview_questions,
        verify=_verify_drafts,
        remote_facts=_drafts_facts,
    )
)
register(
    Task(
        name="personal_questions",
        schema=PERSONAL_SCHEMA,
        brief=(
            "Write `num_questions` interview questions a candidate with the profile in "
            "`profile` could be asked for the role `job_title` (at `company` when given), "
            "mixing the categories technical, behavioral, situational and problem_solving, "
            "each with a `difficulty` of easy, medium or hard, and a first-person `answer` of "
            "60 to 150 words built only from the profile's own experience, bullets, skills "
            "and education."
        ),
        write=write_personal_questions,
        verify=_verify_personal,
    )
)
register(
    Task(
        name="suggested_answer",
        schema=ANSWER_SCHEMA,
        brief=(
            "Write a new first-person `answer` of 60 to 150 words to `question` for the role "
            "`job_title`, built only from the profile's own experience, bullets, skills and "
            "education, worded differently from a plain summary."
        ),
        write=write_suggested_answer,
        verify=_verify_answer,
    )
)
