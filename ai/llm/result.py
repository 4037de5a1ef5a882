"""The answer of the LLM gateway: validated data and which engine wrote it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AIResult:
    """Task data (valid against the task's schema) with its provenance."""

    data: dict
    engine: str
    model: str | None = None
    fallback_reason: str | None = None

    def meta(self) -> dict:
        """What callers store next to the data: `{"engine", "model", "fallback_reason"}`."""
        return {"engine": self.engine, "model": self.model, "fallback_reason": self.fallback_reason}
