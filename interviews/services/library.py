"""Personal questions from one's own resume, their suggested answers, and the library."""

import hashlib

from django.db import IntegrityError, transaction

from ai.llm import generate
from interviews.errors import AlreadyInLibrary, AnalysisNotReady
from interviews.models import SavedQuestion
from resumes.analysis.review import model_safe_profile
from resumes.models import AnalysisStatus
from resumes.selectors import analysis_get


def _profile_of(*, user, analysis_id) -> dict:
    """The model-safe profile (no name or contact details) of the user's completed analysis."""
    analysis = analysis_get(user=user, analysis_id=analysis_id)
    if analysis.status != AnalysisStatus.COMPLETED or not analysis.result:
        raise AnalysisNotReady()
    return model_safe_profile(analysis.result.get("profile") or {})


def personal_questions(
    *, user, analysis_id, job_title: str = "", company: str = "", num_questions: int
) -> tuple[list[dict], dict]:
    """Questions about the candidate's own resume, each with an answer drawn from its facts.

    Returns the questions (ids q1, q2, ... within this answer) and the engine's provenance.
    """
    facts = {
        "profile": _profile_of(user=user, analysis_id=analysis_id),
        "job_title": job_title,
        "company": company,
        "num_questions": num_questions,
    }
    result = generate("personal_questions", facts)
    questions = [
        {"id": f"q{index}", **item} for index, item in enumerate(result.data["questions"], 1)
    ]
    return questions, result.meta()


def suggested_answer(
    *, user, analysis_id, question: str, job_title: str = "", variant: int = 1
) -> tuple[str, dict]:
    """Another answer to one question from the same resume facts; `variant` picks which."""
    facts = {
        "profile": _profile_of(user=user, analysis_id=analysis_id),
        "question": question,
        "job_title": job_title,
        "variant": variant,
    }
    result = generate("suggested_answer", facts)
    return result.data["answer"], result.meta()


def question_key(question: str) -> str:
    """The same question however it is spaced or capitalised."""
    normal = " ".join(question.casefold().split()).rstrip("?. ")
    return hashlib.sha256(normal.encode()).hexdigest()


def library_save(
    *,
    user,
    question: str,
    answer: str = "",
    category: str,
    difficulty: str,
    tags=(),
    job_title: str = "",
    company: str = "",
) -> SavedQuestion:
    """Save a question to the user's library; AlreadyInLibrary (409) when it is there."""
    key = question_key(question)
    if SavedQuestion.objects.filter(owner=user, question_key=key).exists():
        raise AlreadyInLibrary()
    tags = list(dict.fromkeys(tag.strip().casefold() for tag in tags if tag.strip()))
    try:
        with transaction.atomic():
            return SavedQuestion.objects.create(
                owner=user,
                question=question.strip(),
                question_key=key,
                answer=answer.strip(),
                category=category,
                difficulty=difficulty,
                tags=tags,
                job_title=job_title.strip(),
                company=company.strip(),
            )
    except IntegrityError as exc:  # the same question saved at the same moment
        raise AlreadyInLibrary() from exc


def library_delete(*, entry: SavedQuestion) -> None:
    entry.delete()
