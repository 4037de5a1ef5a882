"""How well the scorer agrees with human grades: Pearson correlation on a graded set.

A graded set is JSON: {"questions": [{"question", "reference", "answers": [{"text",
"grade"}]}]}; each question is scored with its reference as the only gold answer and key
points proposed from it, as for a question written without key points.
"""

import json
import math
from pathlib import Path

from interviews.scoring.scorer import score_answer
from interviews.scoring.types import Rubric


def pearson(xs: list[float], ys: list[float]) -> float:
    """Pearson's r of two equally long series; 0 when either does not vary."""
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("pearson() needs two series of the same length, at least 2.")
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    return cov / math.sqrt(var_x * var_y) if var_x and var_y else 0.0


def graded_pairs(path: Path) -> tuple[list[float], list[float]]:
    """(overall scores, human grades) for every answer of the graded set at `path`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    scores, grades = [], []
    for question in data["questions"]:
        rubric = Rubric(question_text=question["question"], gold_answer=question["reference"])
        for answer in question["answers"]:
            scores.append(score_answer(rubric, answer["text"]).overall)
            grades.append(float(answer["grade"]))
    return scores, grades
