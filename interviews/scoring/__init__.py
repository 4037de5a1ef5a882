"""Deterministic answer scoring, session summaries, integrity signals and the starter bank.

Pure Python on top of ai.skills; see README.md beside this file for the interface.
"""

from interviews.scoring.integrity import integrity_score, integrity_signals
from interviews.scoring.rubric import propose_key_points
from interviews.scoring.scorer import score_answer
from interviews.scoring.session import recommendation_for, summarize_session
from interviews.scoring.types import AnswerScore, KeyPoint, Rubric, SessionSummary, Signal

__all__ = [
    "AnswerScore",
    "KeyPoint",
    "Rubric",
    "SessionSummary",
    "Signal",
    "integrity_score",
    "integrity_signals",
    "propose_key_points",
    "recommendation_for",
    "score_answer",
    "summarize_session",
]
