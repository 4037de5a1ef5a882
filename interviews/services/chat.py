"""One turn of the chat assistant, for the API and the socket alike.

The question is matched against what the assistant knows about the user (their resume,
latest analysis, saved jobs and applications, and help about Hirewise). A good enough match
is answered from its entry, by the local engine or, with Gemini keyed, in Gemini's words
from the same facts after the fact check; anything else is a plain "I don't know that from
your resume", never a guess. Nothing of the conversation is stored.
"""

from dataclasses import dataclass

from ai.llm import LocalEngine, generate
from core.consent import acting_for
from interviews.chat.knowledge import knowledge_for, latest_parsed_resume
from interviews.chat.matching import best_match
from interviews.chat.redaction import redactor_for
from interviews.chat.sentiment import sentiment_of

HUMAN, AI, SYSTEM = "human", "ai", "system"
MESSAGE_TYPES = (HUMAN, AI, SYSTEM)
MAX_INPUT = 2000
MAX_CONTENT = 4000
MAX_HISTORY = 100
# The turns a model reads; older ones say little about the question at hand.
MODEL_TURNS = 20
_MODEL_ROLES = {HUMAN: "user", AI: "assistant"}
REFUSAL = (
    "I don't know that from your resume, your analysis, your saved jobs or your "
    "applications, so I won't guess."
)
SUGGESTIONS = "You can ask me, for example: which skills do I have, or what was my last job."


@dataclass(frozen=True)
class ChatReply:
    response: str
    sentiment: str
    from_qa: bool
    similarity: float
    matched_question: str | None
    engine: str

    def metadata(self) -> dict:
        return {
            "from_qa": self.from_qa,
            "similarity": self.similarity,
            "matched_question": self.matched_question,
        }


def chat_reply(*, user, user_input: str, history: list[dict]) -> ChatReply:
    """The assistant's answer to `user_input`, after `history` ([{type, content}], oldest
    first; `system` turns are kept by the caller but never reach a model)."""
    parsed_resume = latest_parsed_resume(user)
    entries = knowledge_for(user, parsed_resume)
    match = best_match(user_input, entries)
    facts = {
        "knowledge": [entry.as_fact() for entry in entries],
        "match": match.entry.as_fact() if match.entry else None,
        "refusal": _refusal(match),
        "messages": _model_turns(history, user_input, redactor_for(user, parsed_resume)),
    }
    # Without a match there is nothing to word: the refusal is said as it is. A socket is no
    # request, so whose consent to outside AI decides is named here for both entry points.
    with acting_for(user.pk):
        result = generate("chat_reply", facts, engine=None if match.entry else LocalEngine())
    return ChatReply(
        response=result.data["reply"],
        sentiment=sentiment_of(user_input),
        from_qa=match.entry is not None,
        similarity=match.similarity,
        matched_question=match.entry.question if match.entry else None,
        engine=result.engine,
    )


def extended_history(history: list[dict], user_input: str, reply: ChatReply) -> list[dict]:
    """The conversation with this turn added, in the seeds' `{type, content}` form."""
    return [
        *history,
        {"type": HUMAN, "content": user_input},
        {"type": AI, "content": reply.response},
    ]


def _refusal(match) -> str:
    if match.closest is not None:
        return f"{REFUSAL} The closest question I can answer is: {match.closest.question}"
    return f"{REFUSAL} {SUGGESTIONS}"


def _model_turns(history: list[dict], user_input: str, redact) -> list[dict]:
    """The latest turns as model messages, starting with the user's and ending with the
    question, each without the user's personal details."""
    turns = [
        {"role": _MODEL_ROLES[message["type"]], "content": redact(message["content"])}
        for message in history
        if message["type"] in _MODEL_ROLES
    ][-(MODEL_TURNS - 1) :]
    while turns and turns[0]["role"] != "user":
        turns.pop(0)
    return [*turns, {"role": "user", "content": redact(user_input)}]
