"""Deterministic writers of the local engine: templated text filled only from the facts given.

Each writer takes the facts of one `ai.llm` task and returns that task's data; the same facts
always give the same words.
"""

from ai.generation.bullets import rewrite_bullet, write_bullet_rewrites
from ai.generation.cover_letter import write_cover_letter
from ai.generation.gap_assessment import write_gap_assessment
from ai.generation.resume_review import write_resume_review

__all__ = [
    "rewrite_bullet",
    "write_bullet_rewrites",
    "write_cover_letter",
    "write_gap_assessment",
    "write_resume_review",
]
