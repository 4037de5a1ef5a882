"""`generate(task, facts)`: Gemini when configured and trustworthy, else the local engine.

A remote answer is used only if it matches the task's schema and passes the task's fact
check; otherwise the local engine answers and `fallback_reason` says why. Someone who withdrew
consent to AI processing by an outside provider gets the local engine without any call.
"""

import logging

from ai.llm.engines import Engine, LocalEngine
from ai.llm.errors import EngineError
from ai.llm.gemini import GeminiEngine
from ai.llm.registry import Task, conversation, get_task
from ai.llm.result import AIResult
from ai.llm.schemas import schema_errors
from core.consent import outside_ai_allowed

logger = logging.getLogger(__name__)

CONSENT_WITHDRAWN = "consent to AI processing by an outside provider is withdrawn"


def generate(task: str, facts: dict, *, engine: Engine | None = None) -> AIResult:
    """Run `task` on `facts` with `engine` (default: the configured one), falling back to local.

    A multi-turn task's facts carry `messages` (see `ai.llm.registry`). Raises UnknownTask
    for a task name that is not registered and ValueError for facts a task cannot use (an
    unknown cover letter tone, a malformed history).
    """
    spec = get_task(task)
    conversation(facts)
    engine = engine or configured_engine()
    if isinstance(engine, LocalEngine):
        return _local(spec, facts)
    if not outside_ai_allowed():
        return _local(spec, facts, fallback_reason=CONSENT_WITHDRAWN)
    try:
        data = _accepted(spec, engine.run(spec.name, facts), facts)
    except EngineError as error:
        reason = f"{engine.name}: {error}"
        logger.warning("AI task %s fell back to the local engine: %s", spec.name, reason)
        return _local(spec, facts, fallback_reason=reason)
    return AIResult(data=data, engine=engine.name, model=engine.model)


def configured_engine() -> Engine:
    """Gemini when GEMINI_API_KEY is set, else the local engine."""
    return GeminiEngine.from_settings() or LocalEngine()


def _accepted(task: Task, data: dict, facts: dict) -> dict:
    """The remote answer, completed, once it matches the schema and the facts."""
    problems = schema_errors(data, task.answer_schema)
    if problems:
        raise EngineError(f"output does not match the schema: {problems[0]}")
    data = task.complete(data, facts)
    problems = task.verify(data, facts)
    if problems:
        raise EngineError(f"output failed the fact check: {'; '.join(problems[:3])}")
    return data


def _local(task: Task, facts: dict, *, fallback_reason: str | None = None) -> AIResult:
    data = LocalEngine().run(task.name, facts)
    problems = schema_errors(data, task.schema)
    if problems:
        raise RuntimeError(f"The local {task.name} writer broke its schema: {problems[0]}")
    return AIResult(data=data, engine=LocalEngine.name, fallback_reason=fallback_reason)
