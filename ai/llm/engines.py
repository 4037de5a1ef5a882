"""The engine interface and the local engine that always answers."""

from abc import ABC, abstractmethod

from ai.llm.registry import get_task


class Engine(ABC):
    """Writes the data of one task from its facts.

    A remote engine raises `EngineError` when it has no usable answer; the gateway then
    falls back to the local engine.
    """

    name: str
    model: str | None = None

    @abstractmethod
    def run(self, task: str, facts: dict) -> dict:
        """The task's data (a dict meant to match the task's schema)."""


class LocalEngine(Engine):
    """Deterministic, offline, templated writers (`ai.generation`)."""

    name = "local"

    def run(self, task: str, facts: dict) -> dict:
        return get_task(task).write(facts)
