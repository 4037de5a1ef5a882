"""What the candidate page and API show about one application, for a reviewer."""

from django.db.models import F

from ats.hooks import candidate_panels
from ats.models import Application, StageChange
from ats.selectors import application_get_for_review, application_is_managed_by
from ats.services.scorecards import scorecards_of, scorecards_summary
from ats.stages import recruiter_next_stages
from resumes.models import Analysis, AnalysisStatus


def _resume_summary(profile: dict | None) -> dict | None:
    """Skills, years, experience titles and education from a parsed resume profile."""
    if not profile:
        return None
    skills = profile.get("skills") or {}
    return {
        "skills": {group: list(names) for group, names in skills.items() if names},
        "total_experience_years": profile.get("total_experience_years"),
        "experience": [
            {"title": item.get("title") or "", "company": item.get("company") or ""}
            for item in profile.get("experience") or []
        ],
        "education": [
            {
                "degree": item.get("degree") or "",
                "field": item.get("field") or "",
                "institution": item.get("institution") or "",
            }
            for item in profile.get("education") or []
        ],
    }


def _latest_analysis(application: Application) -> dict | None:
    """The newest completed analysis of the applicant's stored resume: its overall score and
    skill match (None for anonymous applicants and resumes never analysed)."""
    if application.resume_id is None:
        return None
    analysis = (
        Analysis.objects.filter(resume_id=application.resume_id, status=AnalysisStatus.COMPLETED)
        .order_by(F("completed_at").desc(nulls_last=True), "-created_at")
        .first()
    )
    if analysis is None:
        return None
    match = (analysis.result or {}).get("skill_match_analysis") or None
    return {
        "id": analysis.pk,
        "overall_score": analysis.overall_score,
        "job_title": analysis.job_title,
        "completed_at": analysis.completed_at,
        "skill_match": None
        if match is None
        else {
            "match_percentage": match.get("match_percentage"),
            "matched_skills": match.get("matched_skills") or [],
            "missing_required_skills": match.get("missing_required_skills") or [],
        },
    }


def application_history(application: Application) -> list[StageChange]:
    return list(application.history.select_related("actor").order_by("created_at", "id"))


def candidate_detail(*, user, application_id) -> dict:
    """Everything the candidate page and API show about one application, for a reviewer.

    Contact details and the allowed moves only for those who manage the application.
    """
    application = application_get_for_review(user=user, application_id=application_id)
    manages = application_is_managed_by(user=user, application=application)
    profile = (
        application.resume.parsed_data
        if application.resume_id is not None
        else application.resume_profile
    )
    scorecards = scorecards_of(application)
    return {
        "application": application,
        "manages": manages,
        "applicant": {
            "name": application.applicant_name,
            "email": application.applicant_email if manages else None,
            "phone": (application.applicant_phone or None) if manages else None,
            "candidate_id": application.candidate_id,
            "anonymous": application.candidate_id is None,
        },
        "allowed_next_stages": list(recruiter_next_stages(application.stage)) if manages else [],
        "resume_summary": _resume_summary(profile),
        "latest_analysis": _latest_analysis(application),
        "history": application_history(application),
        "scorecards": scorecards,
        "scorecards_summary": scorecards_summary(application, scorecards),
        "own_scorecard": next((card for card in scorecards if card.author_id == user.pk), None),
        "panels": candidate_panels(application=application, user=user),
    }
