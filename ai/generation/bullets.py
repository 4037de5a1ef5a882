"""Local bullet rewrites: strong verbs, active voice, no pronouns, short, honest about numbers.

The rewrite never invents a result: a bullet without a number gets an explicit bracketed
prompt for the candidate to fill in.
"""

import re
from collections.abc import Sequence

from ai.generation.text import capitalise, join_words
from ai.generation.verbs import is_past, past_of_gerund, past_of_participle
from ai.llm.errors import EngineError
from ai.llm.fact_guard import EMPLOYERS, NUMBERS, FactIndex, unsupported_claims
from ai.llm.registry import Task, register
from ai.llm.schemas import TEXT, object_schema
from ai.skills import canonical, is_plain_word

MAX_WORDS = 30
# A shortened bullet keeps at least this many words, so a cut never leaves a stub.
MIN_WORDS = 6

_BE = r"(?:(?:am|is|are|was|were)\s+)?"
_POSSESSIVE = r"(?:(?:my|our)\s+)?"
_DUTIES = r"(?:duties|responsibilities|tasks)"
_SELF_AGENT = r"(?:me|us|myself|ourselves|my team|our team|the team)"
# Opening phrase → strong verb, and whether a gerund right after it becomes the verb itself
# ("responsible for managing X" → "Managed X").
_WEAK_OPENINGS = (
    (rf"{_BE}(?:responsible|accountable)\s+for", "Led", True),
    (rf"{_BE}in\s+charge\s+of", "Led", True),
    (rf"{_POSSESSIVE}(?:main\s+)?{_DUTIES}\s+(?:included|include)", "Delivered", True),
    (rf"{_BE}(?:tasked|charged)\s+with", "Delivered", True),
    (rf"{_BE}(?:involved|participating)\s+in", "Contributed to", False),
    (r"(?:participated\s+in|took\s+part\s+in|was\s+part\s+of)", "Contributed to", False),
    (r"worked\s+on", "Built", True),
    (r"worked\s+with", "Collaborated with", False),
    (r"(?:helped|assisted)\s+(?:with|in)", "Supported", False),
    (r"helped\s+(?:to\s+)?", "Supported", False),
    (r"assisted", "Supported", False),
    (r"did", "Performed", False),
    (r"made", "Created", False),
    (r"handled", "Managed", False),
    (r"used", "Applied", False),
)
# fmt: off
_HELPED_VERBS = frozenset(
    {
        "automate", "build", "create", "debug", "define", "deliver", "deploy", "design", "develop",
        "document", "fix", "grow", "implement", "improve", "increase", "integrate", "launch",
        "maintain", "manage", "migrate", "optimise", "optimize", "plan", "reduce", "refactor",
        "review", "run", "scale", "ship", "streamline", "support", "test", "train", "write",
    }
)
# fmt: on
# Topic words → an example of the kind of result worth adding; numbers here sit inside the
# bracketed prompt and are examples, never claims.
_RESULT_EXAMPLES = (
    (("latency", "performance", "speed", "faster", "load", "optimi"), "30% faster response times"),
    (("cost", "budget", "spend", "saving"), "20% lower monthly costs"),
    (("user", "customer", "client", "traffic", "visitor"), "10,000 monthly active users"),
    (("bug", "defect", "incident", "test", "quality", "outage"), "40% fewer production incidents"),
    (
        ("team", "mentor", "engineer", "hire", "hiring", "train"),
        "onboarding time cut from 6 to 3 weeks",
    ),
    (("revenue", "sales", "conversion", "growth"), "15% higher conversion"),
    (
        ("automat", "manual", "pipeline", "deploy", "release"),
        "releases cut from 2 hours to 10 minutes",
    ),
)
_DEFAULT_EXAMPLE = "30% faster"
_CLAUSE_BREAK = re.compile(
    r"\s*[;,:]\s+|\s+[-\u2013\u2014]\s+"
    r"|\s+(?=(?:and|while|which|where|including|resulting in|leading to)\s)",
    re.IGNORECASE,
)
_CUT_PUNCTUATION = " ,;:-\u2013\u2014"
# fmt: off
_DANGLING = frozenset(
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
        "which", "while", "with",
    }
)
# fmt: on
# fmt: off
_DETERMINERS = frozenset(
    {
        "a", "all", "an", "many", "multiple", "several", "that", "the", "these", "this", "those",
    }
)
# fmt: on


def write_bullet_rewrites(facts: dict) -> dict:
    """The `bullet_rewrites` task: one rewrite per bullet, in the order given."""
    keywords = list(facts.get("keywords") or [])
    rewrites = [
        {"id": bullet["id"], "text": rewrite_bullet(bullet["text"], bullet.get("issues"), keywords)}
        for bullet in facts.get("bullets") or []
    ]
    return {"rewrites": rewrites}


def rewrite_bullet(
    text: str, issues: Sequence[str] | None = None, keywords: Sequence[str] = ()
) -> str:
    """Rewrite one resume bullet; `issues` are the detector's codes, `keywords` must survive."""
    issues = set(issues or ())
    core, period = _split_period(text)
    core = _drop_pronoun(core)
    core = _active_voice(core, agentless="passive_voice" in issues)
    core = _strong_opening(core)
    core = _shorten(core, keywords)
    core = capitalise(core)
    if "no_number" in issues and not re.search(r"\d", core):
        core = f"{core} [add a measurable result, e.g. {_result_example(core)}]"
    return f"{core}{period}"


def _split_period(text: str) -> tuple[str, str]:
    """The bullet without its marker and final full stop, and that full stop (or "")."""
    core = re.sub(r"\s+", " ", text).strip().lstrip("-•*·▪◦ ").strip()
    period = "." if core.endswith(".") else ""
    return core.rstrip(". ").strip(), period


def _drop_pronoun(core: str) -> str:
    """Drop a leading I / we / me / my / our, keeping what the person did."""
    team = re.match(r"(?i)(?:my|our)\s+team\s+(\S+)\s+(.+)$", core)
    if team and is_past(team.group(1)):
        return f"{team.group(1)} {team.group(2)} with the team"
    core = re.sub(r"(?i)^(?:i|we|me)\s+", "", core)
    have = re.match(r"(?i)(?:have|has|had)\s+(\S+)(.*)$", core)
    if have and past_of_participle(have.group(1)):
        core = f"{past_of_participle(have.group(1))}{have.group(2)}"
    if re.match(rf"(?i){_POSSESSIVE}(?:main\s+)?{_DUTIES}\b", core):
        return core
    return re.sub(r"(?i)^(?:my|our)\s+", "", core)


def _active_voice(core: str, *, agentless: bool) -> str:
    """Passive to active voice: "The API was developed by me" → "Developed the API"."""
    bare = re.match(r"(?i)(?:was|were)\s+(\w+)(?:\s+by\s+" + _SELF_AGENT + r"\b)?,?(.*)$", core)
    if bare and past_of_participle(bare.group(1)) and not _foreign_agent(bare.group(2)):
        return f"{past_of_participle(bare.group(1))}{bare.group(2)}"
    passive = re.match(
        r"(?i)(?P<subject>(?:\S+\s+){0,5}?\S+)\s+(?:was|were|has been|have been|had been)\s+"
        rf"(?P<verb>\w+)(?P<agent>\s+by\s+{_SELF_AGENT}\b)?(?P<rest>.*)$",
        core,
    )
    if not passive or not past_of_participle(passive.group("verb")):
        return core
    if not (passive.group("agent") or agentless) or _foreign_agent(passive.group("rest")):
        return core
    past = past_of_participle(passive.group("verb"))
    return f"{past} {_as_object(passive.group('subject'))}{passive.group('rest')}"


def _foreign_agent(rest: str) -> bool:
    """Whether the passive names someone else as the doer ("by the CTO"), not a result."""
    agent = re.match(r"\s*by\s+(\S+)", rest, re.IGNORECASE)
    return bool(agent) and not re.match(r"[\d$€£~]", agent.group(1))


def _as_object(subject: str) -> str:
    """The passive subject as an object: "The API" → "the API", "Reports" → "reports"."""
    first, _, rest = subject.partition(" ")
    keep = first.isupper() or (canonical(first) is not None and not is_plain_word(first))
    if first.lower() in _DETERMINERS or (first.istitle() and not keep):
        first = first.lower()
    return f"{first} {rest}".strip()


def _strong_opening(core: str) -> str:
    """Replace a weak opening ("responsible for", "helped", "worked on") with a strong verb."""
    for pattern, verb, gerund_becomes_verb in _WEAK_OPENINGS:
        match = re.match(rf"(?i){pattern}\b\s*(.*)$", core)
        if not match:
            continue
        rest = match.group(1)
        next_word, _, after = rest.partition(" ")
        past = past_of_gerund(next_word) if gerund_becomes_verb else None
        if past:
            return f"{past} {after}".strip()
        if verb == "Supported" and next_word.lower() in _HELPED_VERBS:
            return f"Supported efforts to {rest}"
        return f"{verb} {rest}".strip()
    return core


def _shorten(core: str, keywords: Sequence[str]) -> str:
    """Cut a bullet over MAX_WORDS at a clause boundary, keeping the role keywords it names."""
    if _word_count(core) <= MAX_WORDS:
        return core
    present = [keyword for keyword in keywords if _mentions(core, keyword)]
    candidates = [core[: match.start()] for match in _CLAUSE_BREAK.finditer(core)]
    for prefix in sorted(candidates, key=_word_count, reverse=True):
        shortened = _with_keywords(_trim_dangling(prefix), present)
        if _word_count(prefix) >= MIN_WORDS and _word_count(shortened) <= MAX_WORDS:
            return shortened
    return _hard_cut(core, present)


def _with_keywords(prefix: str, keywords: Sequence[str]) -> str:
    """Append "using X and Y" for keywords the cut dropped."""
    dropped = [keyword for keyword in keywords if not _mentions(prefix, keyword)]
    return f"{prefix} using {join_words(dropped)}" if dropped else prefix


def _hard_cut(core: str, keywords: Sequence[str]) -> str:
    """No usable clause boundary: keep the first words, leaving room for the keywords."""
    words = core.split()
    for size in range(MAX_WORDS, MIN_WORDS - 1, -1):
        shortened = _with_keywords(_trim_dangling(" ".join(words[:size])), keywords)
        if _word_count(shortened) <= MAX_WORDS:
            return shortened
    return _trim_dangling(" ".join(words[:MAX_WORDS]))


def _trim_dangling(text: str) -> str:
    """Drop trailing joiners ("and", "the", "to") and punctuation a cut can leave behind."""
    words = text.rstrip(_CUT_PUNCTUATION).split()
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(_CUT_PUNCTUATION)


def _mentions(text: str, keyword: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(keyword)}(?![\w+#])", text, re.IGNORECASE) is not None


def _word_count(text: str) -> int:
    return len(text.split())


def _result_example(core: str) -> str:
    """An example result that fits what the bullet is about."""
    lower = core.lower()
    for topics, example in _RESULT_EXAMPLES:
        if any(topic in lower for topic in topics):
            return example
    return _DEFAULT_EXAMPLE


def _complete(data: dict, facts: dict) -> dict:
    """The rewrites in the order of the bullets, one for each."""
    by_id = {rewrite["id"]: rewrite for rewrite in data["rewrites"]}
    wanted = [bullet["id"] for bullet in facts.get("bullets") or []]
    missing = [bullet_id for bullet_id in wanted if bullet_id not in by_id]
    if missing or len(by_id) != len(wanted):
        raise EngineError(f"output does not answer every bullet (missing {missing})")
    return {"rewrites": [by_id[bullet_id] for bullet_id in wanted]}


def _verify(data: dict, facts: dict) -> list[str]:
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


SCHEMA = object_schema(
    {"rewrites": {"type": "array", "items": object_schema({"id": TEXT, "text": TEXT})}}
)
register(
    Task(
        name="bullet_rewrites",
        schema=SCHEMA,
        brief=(
            "Rewrite each resume bullet of `bullets` for the role `role_title`. Start with a "
            "strong past-tense action verb, use the active voice, drop personal pronouns, stay "
            "under 30 words and keep every term of `keywords` that the bullet contains. "
            "`issues` says what to fix: weak_verb, no_number, passive_voice, too_long, "
            "personal_pronoun. Never add a number, metric or result the bullet does not "
            "state; where a measurable result is missing, end with a bracketed prompt such as "
            '"[add a measurable result, e.g. 30% faster]". Return one rewrite per bullet, '
            "with the bullet's `id`."
        ),
        write=write_bullet_rewrites,
        verify=_verify,
        complete=_complete,
    )
)
