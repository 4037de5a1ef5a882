"""The Gemini engine: structured JSON output through the `google-genai` SDK.

One call per attempt with a timeout; 429, 5xx, timeouts and dropped connections are retried
with exponential backoff, other HTTP errors (400, 401, 403, 404) are not. Every failure
becomes an `EngineError` whose message ends up in `AIResult.fallback_reason`.
"""

import json
import re
import time
from collections.abc import Callable
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from ai.llm.engines import Engine
from ai.llm.errors import EngineError
from ai.llm.registry import Task, conversation, get_task

# Pinned rather than left to the SDK's defaults (which moved to v1 and honour environment
# overrides) so the endpoint and its structured-output features are the ones tested.
BASE_URL = "https://generativelanguage.googleapis.com/"
API_VERSION = "v1beta"
BACKOFF_SECONDS = 1.0
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_GEMINI_ROLES = {"user": "user", "assistant": "model"}


def _transport_errors(*names: str) -> tuple[type[Exception], ...]:
    """The named exception classes of whichever httpx flavours are installed.

    The SDK runs on `httpx2` by default and on `httpx` when told to; both raise their own
    timeout and network errors.
    """
    found = []
    for module_name in ("httpx2", "httpx"):
        if find_spec(module_name) is not None:
            module = import_module(module_name)
            found += [getattr(module, name) for name in names]
    return tuple(found)


_TIMEOUTS = _transport_errors("TimeoutException")
_NETWORK_ERRORS = _transport_errors("NetworkError", "RemoteProtocolError")


class GeminiEngine(Engine):
    """Gemini with a timeout, bounded retries and schema-constrained JSON answers."""

    name = "gemini"

    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        timeout_seconds: float,
        max_retries: int,
        backoff_seconds: float = BACKOFF_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.model = model
        self.attempts = max(0, max_retries) + 1
        self.backoff_seconds = backoff_seconds
        self._api_key = api_key
        self._timeout_ms = max(1, round(timeout_seconds * 1000))
        self._sleep = sleep

    @classmethod
    def from_settings(cls, **overrides) -> "GeminiEngine | None":
        """The engine configured by the GEMINI_* and AI_* settings; None without an API key."""
        if not settings.GEMINI_API_KEY:
            return None
        options = {
            "api_key": settings.GEMINI_API_KEY,
            "model": settings.GEMINI_MODEL,
            "timeout_seconds": settings.AI_TIMEOUT_SECONDS,
            "max_retries": settings.AI_MAX_RETRIES,
        }
        return cls(**{**options, **overrides})

    def run(self, task: str, facts: dict) -> dict:
        spec = get_task(task)
        config = types.GenerateContentConfig(
            system_instruction=spec.instruction,
            response_mime_type="application/json",
            response_json_schema=spec.answer_schema,
            temperature=0,
        )
        return _parse(self._call(contents(spec, facts), config))

    def _call(
        self, contents: str | list[types.Content], config: types.GenerateContentConfig
    ) -> str:
        """The answer text, after up to `attempts` calls."""
        failure = ""
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.backoff_seconds * 2 ** (attempt - 1))
            try:
                with self._client() as client:
                    response = client.models.generate_content(
                        model=self.model, contents=contents, config=config
                    )
            except genai_errors.APIError as error:
                if not _retryable(error.code):
                    raise EngineError(f"HTTP {error.code}") from error
                failure = f"HTTP {error.code}"
            except _TIMEOUTS:
                failure = "timed out"
            except _NETWORK_ERRORS as error:
                failure = f"network error ({type(error).__name__})"
            except ValueError as error:
                # The SDK's parsing of a garbled 200 (bad JSON, unexpected shape) ends here.
                raise EngineError(f"unreadable response ({type(error).__name__})") from error
            else:
                if not response.text:
                    raise EngineError("empty answer")
                return response.text
        unit = "attempt" if self.attempts == 1 else "attempts"
        raise EngineError(f"{failure} after {self.attempts} {unit}")

    def _client(self) -> genai.Client:
        options = types.HttpOptions(
            base_url=BASE_URL, api_version=API_VERSION, timeout=self._timeout_ms
        )
        return genai.Client(api_key=self._api_key, vertexai=False, http_options=options)


def _retryable(status: int | None) -> bool:
    """Rate limits, request timeouts and server errors pass; other client errors do not."""
    return status is not None and (status in (408, 429) or status >= 500)


def prompt(task: Task, facts: dict) -> str:
    """The user message: the facts the task lets a remote model see, as sorted JSON."""
    visible = json.dumps(task.remote_facts(facts), sort_keys=True, ensure_ascii=False)
    return f"Facts:\n{_scrubbed(visible)}"


def contents(task: Task, facts: dict) -> str | list[types.Content]:
    """What Gemini reads: the facts as the first user turn, then a multi-turn task's history.

    Turns of one role in a row are joined into one, so the conversation alternates between
    user and model as Gemini expects (the facts open the user's first message).
    """
    facts, history = conversation(facts)
    first = prompt(task, facts)
    if not history:
        return first
    turns: list[tuple[str, str]] = [("user", first)]
    for message in history:
        role = _GEMINI_ROLES[message["role"]]
        text = _scrubbed(message["content"])
        if turns[-1][0] == role:
            turns[-1] = (role, f"{turns[-1][1]}\n\n{text}")
        else:
            turns.append((role, text))
    return [types.Content(role=role, parts=[types.Part(text=text)]) for role, text in turns]


def _scrubbed(text: str) -> str:
    # Belt and braces: an email address typed into free text is still personal data.
    return _EMAIL.sub("[email removed]", text)


def _parse(text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EngineError("invalid JSON") from error
    if not isinstance(data, dict):
        raise EngineError("invalid JSON: the answer is not an object")
    return data
