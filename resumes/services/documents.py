"""Documents made from a resume: line-level enhancements, the enhanced resume, cover letters."""

from django.db import transaction

from resumes.cover_letters import compose, render_cover_letter
from resumes.enhancement import apply, suggest
from resumes.enhancement.document import open_prompts
from resumes.errors import PromptNotAnswered, ResumeNotReadable, UnknownSuggestion
from resumes.job_targets import job_target_dump
from resumes.models import CoverLetter, Enhancement, Resume
from resumes.rendering import render_resume


def _require_text(resume: Resume) -> None:
    if not resume.text or resume.parsed_data is None:
        raise ResumeNotReadable()


def enhancement_create(*, owner, resume: Resume, job=None, target_role: str = "") -> Enhancement:
    """Suggestions for every improvable line of the resume, kept for accept/reject."""
    _require_text(resume)
    suggestions = suggest(resume.text, resume.parsed_data, job)
    engines = {item.get("engine") for item in suggestions if item.get("engine")}
    return Enhancement.objects.create(
        owner=owner,
        resume=resume,
        target_role=target_role or (job.title if job and job.title else ""),
        job_target=job_target_dump(job),
        suggestions=suggestions,
        engine=",".join(sorted(engines)) or "local",
    )


def enhancement_decide(
    *, enhancement: Enhancement, decisions: dict[str, str], edits: dict[str, str] | None = None
) -> Enhancement:
    """Record accepted/rejected per suggestion id, and optionally the person's own wording for
    some of them; unknown ids change nothing (400)."""
    edits = edits or {}
    _check_ids(enhancement, [*decisions, *edits])
    _check_prompts_answered(enhancement, decisions, edits)
    with transaction.atomic():
        locked = Enhancement.objects.select_for_update().get(pk=enhancement.pk)
        locked.decisions = {**locked.decisions, **decisions}
        locked.edits = {**locked.edits, **edits}
        locked.save(update_fields=["decisions", "edits", "updated_at"])
    enhancement.decisions, enhancement.edits = locked.decisions, locked.edits
    return enhancement


def enhancement_render(
    *, enhancement: Enhancement, template_id: str, fmt: str, accepted_ids=None
) -> bytes:
    """The resume with the accepted rewrites, in a template, as PDF or DOCX."""
    accepted = list(accepted_ids) if accepted_ids is not None else enhancement.accepted_ids()
    _check_ids(enhancement, accepted)
    resume = enhancement.resume
    document = apply(
        resume.text, resume.parsed_data, enhancement.suggestions, accepted, edits=enhancement.edits
    )
    return render_resume(document, template_id, fmt)


def unanswered_prompt(suggestion: dict, edit: str | None) -> str | None:
    """The prompt an accepted suggestion still asks the person to answer, or None.

    A proposal like "Led code reviews [add a measurable result, e.g. 30% faster]" minus its
    prompt is often the original line again, so accepting it alone would change nothing in
    the download: the person's own wording must replace the prompt.
    """
    prompts = open_prompts(suggestion.get("proposed"), suggestion.get("original"))
    if not prompts:
        return None
    if edit and edit.strip() and not open_prompts(edit, suggestion.get("original")):
        return None
    return prompts[0]


def _check_prompts_answered(enhancement: Enhancement, decisions: dict, edits: dict) -> None:
    by_id = {item["id"]: item for item in enhancement.suggestions}
    errors = {}
    for suggestion_id, decision in decisions.items():
        if decision != "accepted":
            continue
        edit = edits.get(suggestion_id, enhancement.edits.get(suggestion_id))
        prompt = unanswered_prompt(by_id[suggestion_id], edit)
        if prompt is not None:
            errors[suggestion_id] = [f"Replace {prompt} with your own detail before accepting."]
    if errors:
        raise PromptNotAnswered(errors=errors)


def _check_ids(enhancement: Enhancement, ids) -> None:
    known = {item["id"] for item in enhancement.suggestions}
    unknown = sorted(set(ids) - known)
    if unknown:
        raise UnknownSuggestion(f"Unknown suggestion ids: {', '.join(unknown)}.")


def cover_letter_create(*, owner, resume: Resume, job, tone: str) -> CoverLetter:
    """A letter in the chosen tone, built only from the resume's and the job's facts."""
    _require_text(resume)
    letter = compose(resume.parsed_data, job, tone)
    return CoverLetter.objects.create(
        owner=owner,
        resume=resume,
        job_title=job.title or "",
        job_company=job.company or "",
        tone=tone,
        letter=letter,
        engine=letter["engine"]["engine"],
    )


def cover_letter_delete(*, letter: CoverLetter) -> None:
    letter.delete()


def cover_letter_render(*, letter: CoverLetter, fmt: str) -> bytes:
    return render_cover_letter(letter.letter, fmt)
