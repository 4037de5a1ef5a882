"""Resume analysis: ATS score, section scores, insights, review, skill match and skill gaps.

Pure functions over a resume's text and parsed profile; no database, no network except the
language model gateway (`ai.llm`), which falls back to its local engine.
"""

from resumes.analysis.analyse import analyse_resume
from resumes.analysis.job_target import JobTarget, job_target_from_description
from resumes.analysis.skill_gap import skill_gap_recommendations
from resumes.analysis.skill_match import skill_match

__all__ = [
    "JobTarget",
    "analyse_resume",
    "job_target_from_description",
    "skill_gap_recommendations",
    "skill_match",
]
