"""`analyse_resume`: every score, finding and recommendation of one analysis, as one dict."""

from ai.llm import generate
from ai.similarity import backend_name, similarity
from resumes.analysis.ats import ats_score
from resumes.analysis.evidence import ResumeEvidence, resume_evidence
from resumes.analysis.insights import insights
from resumes.analysis.job_target import JobTarget
from resumes.analysis.preparation import preparation_hours, preparation_time
from resumes.analysis.review import review
from resumes.analysis.section_scores import section_scores
from resumes.analysis.skill_gap import skill_gap_recommendations
from resumes.analysis.skill_match import skill_match


def analyse_resume(text: str, profile: dict, job: JobTarget | None = None) -> dict:
    """The contract's analysis result for a resume's text and parsed profile.

    Pure and deterministic: the same input gives the same dict. Scores are computed from
    neutralised text (no name, contact detail or gendered word reaches a rule); the language
    model gateway only writes the review's words and the overall assessment.
    """
    evidence = resume_evidence(text, profile)
    match = skill_match(evidence.skills, job) if job is not None else None
    ats, deductions = ats_score(evidence, job, match)
    sections = section_scores(evidence)
    reviewed, engine = review(profile, ats, match, job)
    result = {
        "ats_score": ats,
        "section_scores": sections,
        **insights(
            ats, deductions, sections, match, job=job, years=profile.get("total_experience_years")
        ),
        "profile": profile,
        "review": reviewed,
    }
    assessment_engine = None
    if job is not None:
        job_part, assessment_engine = _job_part(evidence, job, match)
        result.update(job_part)
    result["engine"] = _engines(engine, assessment_engine)
    return result


def _engines(review_engine: dict, assessment_engine: dict | None) -> dict:
    """The engine that wrote the review, plus which engine answered each generation task."""
    tasks = {"resume_review": review_engine}
    if assessment_engine is not None:
        tasks["gap_assessment"] = assessment_engine
    return {**review_engine, "tasks": tasks}


def _job_part(evidence: ResumeEvidence, job: JobTarget, match: dict) -> tuple[dict, dict]:
    gaps = skill_gap_recommendations(match, job)
    hours = preparation_hours(gaps)
    assessment = generate(
        "gap_assessment",
        {
            "job_title": job.title,
            "match_percentage": match["match_percentage"],
            "matched_skills": match["matched_skills"],
            "missing_required_skills": match["missing_required_skills"],
            "missing_preferred_skills": match["missing_preferred_skills"],
            "estimated_hours": hours,
        },
    )
    part = {
        "job": {"title": job.title, "company": job.company},
        "similarity": {
            "score": round(similarity(evidence.text, job.description), 4),
            "backend": backend_name(),
        },
        "skill_match_analysis": match,
        "skill_gap_recommendations": gaps,
        "overall_assessment": assessment.data["overall_assessment"],
        "estimated_preparation_time": preparation_time(hours),
        "estimated_preparation_hours": hours,
    }
    return part, assessment.meta()
