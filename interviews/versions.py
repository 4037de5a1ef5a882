"""What changed between consecutive versions of a question, for the expert's review."""

import difflib
from itertools import pairwise

from interviews.models import VERSIONED_FIELDS, QuestionVersion

LABELS = {
    "text": "Question",
    "question_type": "Type",
    "difficulty": "Difficulty",
    "skills": "Skills",
    "gold_answer": "Gold answer",
    "key_points": "Key points",
    "expected_seconds": "Expected time (seconds)",
}


def version_changes(versions: list[QuestionVersion]) -> list[dict]:
    """Per version after the first: the fields it changed, each as word-level pieces marked
    kept, added or removed (newest version first)."""
    changes = []
    for before, after in pairwise(versions):
        fields = [
            {
                "label": LABELS[name],
                "pieces": _word_diff(before.content.get(name), after.content.get(name)),
            }
            for name in VERSIONED_FIELDS
            if before.content.get(name) != after.content.get(name)
        ]
        changes.append({"version": after, "fields": fields})
    changes.reverse()
    return changes


def _as_text(value) -> str:
    if isinstance(value, list):
        return "; ".join(item["text"] if isinstance(item, dict) else str(item) for item in value)
    return "" if value is None else str(value)


def _word_diff(before, after) -> list[dict]:
    old, new = _as_text(before).split(), _as_text(after).split()
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            pieces.append({"kind": "removed", "text": " ".join(old[i1:i2])})
        if op in ("insert", "replace"):
            pieces.append({"kind": "added", "text": " ".join(new[j1:j2])})
        if op == "equal":
            pieces.append({"kind": "kept", "text": " ".join(old[i1:i2])})
    return pieces
