"""The registry of generation tasks (not Celery tasks): per task, its schema, the brief for a
remote model, the local writer, which facts a remote model may see, and how its answer is
completed and checked.

Each module of `ai.generation` registers its own task with `register(Task(...))`; the first
lookup imports them all, so a new task is one new module there.

A multi-turn task (a chat turn with its history) uses the same mechanism: its facts carry
`messages`, a list of `{"role": "user" | "assistant", "content": str}` ending with the turn
to answer. Engines pass the history on as conversation turns; the other facts stay facts.
"""

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ai.llm.errors import UnknownTask

MESSAGES = "messages"
ROLES = ("user", "assistant")

_COMMON = (
    "You write text for Hirewise, a hiring platform. The user message holds the facts as a "
    "JSON object; use only those facts. Never invent an employer, school, degree, "
    "certification, number, date or achievement. Write a number only if it appears in the "
    "facts, exactly as written there. Never mention a person's name, gender, age or other "
    "personal details, and use no gendered pronouns. Answer with JSON matching the schema. "
)


def as_given(facts: dict) -> dict:
    return facts


def unchanged(data: dict, _facts: dict) -> dict:
    return data


@dataclass(frozen=True)
class Task:
    """One generation task and everything an engine needs to perform it."""

    name: str
    schema: dict
    brief: str
    write: Callable[[dict], dict]
    verify: Callable[[dict, dict], list[str]]
    remote_facts: Callable[[dict], dict] = as_given
    remote_schema: dict | None = None
    complete: Callable[[dict, dict], dict] = unchanged

    @property
    def instruction(self) -> str:
        """The system instruction for a remote model: the shared rules, then the brief."""
        return _COMMON + self.brief

    @property
    def answer_schema(self) -> dict:
        """The schema a remote model's answer must match before `complete`."""
        return self.remote_schema or self.schema


TASKS: dict[str, Task] = {}
_discovered = False


def register(task: Task) -> Task:
    """Add `task`; each name once."""
    if task.name in TASKS:
        raise ValueError(f"AI task {task.name!r} is registered twice.")
    TASKS[task.name] = task
    return task


def get_task(name: str) -> Task:
    """The registered task called `name`."""
    _discover()
    try:
        return TASKS[name]
    except KeyError:
        known = ", ".join(task_names())
        raise UnknownTask(f"Unknown AI task {name!r}; use one of {known}.") from None


def task_names() -> tuple[str, ...]:
    _discover()
    return tuple(TASKS)


def conversation(facts: dict) -> tuple[dict, list[dict]]:
    """The facts without the history, and the history (empty for a single-turn task)."""
    history = facts.get(MESSAGES) or []
    for message in history:
        if message.get("role") not in ROLES or not isinstance(message.get("content"), str):
            raise ValueError(f"Each message needs a role ({' or '.join(ROLES)}) and content.")
    if history and history[-1]["role"] != "user":
        raise ValueError("The last message must be the user's turn to answer.")
    return {key: value for key, value in facts.items() if key != MESSAGES}, list(history)


def _discover() -> None:
    """Import every `ai.generation` module once; each registers its task on import."""
    global _discovered  # one registry per process, filled on first use
    if _discovered:
        return
    package = import_module("ai.generation")
    for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
        import_module(module.name)
    _discovered = True
