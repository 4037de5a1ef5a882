"""The entry a question asks about, through the question index of `ai.question_index`.

Below `THRESHOLD` the assistant does not answer from the entry: a near miss would state a
fact about something else ("what was my salary at Acme" is not "what did I do at Acme").
"""

from dataclasses import dataclass

from ai.question_index import QuestionIndex
from interviews.chat.entry import Entry

# Chosen on the questions of tests/interviews/test_chat.py: paraphrases of an entry score
# 0.8 and above; a question with one word no entry knows falls to about 0.6 or below.
THRESHOLD = 0.7


@dataclass(frozen=True)
class Match:
    """The closest entry and its similarity; `entry` is None when it is below the threshold."""

    closest: Entry | None
    similarity: float

    @property
    def entry(self) -> Entry | None:
        return self.closest if self.similarity >= THRESHOLD else None


def best_match(question: str, entries: list[Entry]) -> Match:
    """The entry whose askings and answer cover `question` best."""
    index = QuestionIndex(
        [(list(entry.askings), entry.answer if entry.answer_matches else "") for entry in entries]
    )
    hit = index.best(question)
    return Match(entries[hit.position] if hit.position is not None else None, hit.similarity)
