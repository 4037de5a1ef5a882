"""Errors of the LLM gateway."""


class UnknownTask(ValueError):
    """The task name is not one of `ai.llm.task_names()`."""


class EngineError(Exception):
    """A remote engine gave no usable answer; the message says why, for `fallback_reason`."""
