"""Reads scoped to their owner: another user's object is simply not found (404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from resumes.models import Analysis, CoverLetter, Enhancement, Resume


def resumes_for_user(*, user) -> QuerySet[Resume]:
    return Resume.objects.filter(owner=user).order_by("-created_at")


def resume_get(*, user, resume_id) -> Resume:
    return get_object_or_404(resumes_for_user(user=user), pk=resume_id)


def analyses_for_user(*, user, resume_id=None) -> QuerySet[Analysis]:
    analyses = Analysis.objects.filter(owner=user).select_related("resume")
    if resume_id is not None:
        analyses = analyses.filter(resume_id=resume_id)
    return analyses.order_by("-created_at")


def analysis_get(*, user, analysis_id) -> Analysis:
    return get_object_or_404(analyses_for_user(user=user), pk=analysis_id)


def enhancement_get(*, user, enhancement_id) -> Enhancement:
    enhancements = Enhancement.objects.filter(owner=user).select_related("resume")
    return get_object_or_404(enhancements, pk=enhancement_id)


def cover_letters_for_user(*, user) -> QuerySet[CoverLetter]:
    return CoverLetter.objects.filter(owner=user).order_by("-created_at")


def cover_letter_get(*, user, letter_id) -> CoverLetter:
    return get_object_or_404(cover_letters_for_user(user=user), pk=letter_id)
