"""The LLM gateway: `generate(task, facts) -> AIResult`.

Gemini writes the words when GEMINI_API_KEY is set; the deterministic local engine
(`ai.generation`) writes them otherwise, and whenever Gemini fails, answers off-schema or
states something the facts do not hold. Scores and numbers are never produced here.
"""

from ai.llm.engines import Engine, LocalEngine
from ai.llm.errors import EngineError, UnknownTask
from ai.llm.gateway import configured_engine, generate
from ai.llm.gemini import GeminiEngine
from ai.llm.registry import Task, register, task_names
from ai.llm.result import AIResult

__all__ = [
    "AIResult",
    "Engine",
    "EngineError",
    "GeminiEngine",
    "LocalEngine",
    "Task",
    "UnknownTask",
    "configured_engine",
    "generate",
    "register",
    "task_names",
]
