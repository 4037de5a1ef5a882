"""Candidate pages: resumes, analyses, enhancements, templates and cover letters.

Thin views over the services and selectors the API uses. Every page works without
JavaScript: forms post, then redirect with a message; the scripts in static/js/resumes/
only enhance (drag and drop, live progress). Another user's object is a 404.
"""

import uuid
from dataclasses import replace

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.forms import add_service_errors
from accounts.models import Role
from accounts.permissions import role_required
from core.errors import DomainError
from core.http import client_ip
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from resumes import presenters, selectors
from resumes.cover_letters import LETTER_FORMATS
from resumes.errors import UnknownTemplate
from resumes.exports import EXPORT_FORMATS, export_analysis
from resumes.files import check_upload
from resumes.forms import (
    AnalyseForm,
    CoverLetterForm,
    DecisionsForm,
    DownloadEnhancedForm,
    EnhanceForm,
    UploadForm,
)
from resumes.http import (
    cover_letter_stem,
    document_response,
    enhanced_resume_stem,
    file_response,
    template_sample_stem,
)
from resumes.job_targets import job_target_resolve
from resumes.models import AnalysisStatus
from resumes.progress import progress_message
from resumes.rendering import RESUME_FORMATS, TEMPLATES, template_sample
from resumes.services import analyses, documents
from resumes.services.resumes import resume_delete, resume_download_original, resume_upload

candidate_required = role_required(Role.CANDIDATE)


def _limit(request, bucket: str) -> None:
    """Count a costly action in the same per-user bucket the API counts it in."""
    enforce_rate_limits(request, group=bucket, keys={bucket: str(request.user.pk)})


def _posted(request):
    return request.POST if request.method == "POST" else None


def _job(request, data: dict, *, title: str = ""):
    return job_target_resolve(
        user=request.user, description=data.get("job_description", ""), title=title
    )


# --- Resumes -------------------------------------------------------------------------------


@candidate_required
@renders_rate_limits
def resume_list_view(request):
    form = UploadForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _limit(request, "resume_upload")
        resume = _upload(request, form)
        if resume is not None:
            messages.success(request, f"{resume.original_name} is uploaded and read.")
            return redirect("resumes:detail", resume_id=resume.pk)
    resumes = selectors.resumes_for_user(user=request.user).defer("text", "parsed_data")
    rows = [_resume_row(resume) for resume in resumes]
    return render(request, "resumes/pages/resume_list.html", {"form": form, "rows": rows})


def _upload(request, form):
    """The stored and parsed resume, or None with the reason shown on the file field."""
    try:
        return resume_upload(
            owner=request.user,
            upload=check_upload(form.cleaned_data["file"]),
            linkedin_url=form.cleaned_data["linkedin_url"],
            ip=client_ip(request),
        )
    except DomainError as exc:
        form.add_error("file", str(exc.detail))
        return None


def _resume_row(resume) -> dict:
    """A resume with its own analyse and enhance forms (ids unique on the page)."""
    return {
        "resume": resume,
        "analyse_form": AnalyseForm(auto_id=f"analyse-{resume.pk}-%s"),
        "enhance_form": EnhanceForm(auto_id=f"enhance-{resume.pk}-%s"),
    }


@candidate_required
def resume_detail_view(request, resume_id):
    resume = selectors.resume_get(user=request.user, resume_id=resume_id)
    context = {
        "resume": resume,
        "profile": presenters.profile(resume.parsed_data),
        "analyses": selectors.analyses_for_user(user=request.user, resume_id=resume.pk).defer(
            "result", "job_target"
        ),
        "enhancements": resume.enhancements.defer("suggestions", "job_target"),
        "analyse_form": AnalyseForm(auto_id="analyse-%s"),
        "enhance_form": EnhanceForm(auto_id="enhance-%s"),
    }
    return render(request, "resumes/pages/resume_detail.html", context)


@candidate_required
@require_GET
def resume_download_view(request, resume_id):
    resume = selectors.resume_get(user=request.user, resume_id=resume_id)
    content = resume_download_original(resume=resume, user=request.user, ip=client_ip(request))
    return file_response(content, resume.content_type, resume.original_name)


@candidate_required
@require_POST
def resume_delete_view(request, resume_id):
    resume = selectors.resume_get(user=request.user, resume_id=resume_id)
    resume_delete(resume=resume, user=request.user, ip=client_ip(request))
    messages.success(request, f"{resume.original_name} and its analyses are deleted.")
    return redirect("resumes:list")


# --- Analyses ------------------------------------------------------------------------------


@candidate_required
@renders_rate_limits
def analyse_view(request, resume_id):
    """Start an analysis, optionally against a pasted job; its page follows it live."""
    resume = selectors.resume_get(user=request.user, resume_id=resume_id)
    form = AnalyseForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        _limit(request, "analysis")
        try:
            job = _job(request, form.cleaned_data, title=form.cleaned_data["job_title"])
            analysis = analyses.analysis_start(owner=request.user, resume=resume, job=job)
        except DomainError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("resumes:analysis", analysis_id=analysis.pk)
    return render(request, "resumes/pages/analyse.html", {"resume": resume, "form": form})


@candidate_required
def analysis_view(request, analysis_id):
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    context = {
        "analysis": analysis,
        "resume": analysis.resume,
        # Queued has no progress yet: an indeterminate bar says "waiting" better than 0 %.
        "progress_value": "" if analysis.status == AnalysisStatus.QUEUED else analysis.progress,
        "socket_path": f"/ws/analyses/{analysis.pk}/",
        "export_formats": EXPORT_FORMATS,
    }
    if analysis.status == AnalysisStatus.COMPLETED and analysis.result:
        context["result"] = analysis.result
        context["report"] = presenters.report(analysis.result)
    return render(request, "resumes/pages/analysis.html", context)


@candidate_required
@never_cache
@require_GET
def analysis_status_view(request, analysis_id):
    """The WebSocket's message as JSON, for pages whose socket cannot connect."""
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    return JsonResponse(progress_message(analysis))


@candidate_required
@renders_rate_limits
@require_POST
def analysis_retry_view(request, analysis_id):
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    _limit(request, "analysis")
    try:
        analyses.analysis_retry(analysis=analysis)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, "The analysis is queued again.")
    return redirect("resumes:analysis", analysis_id=analysis.pk)


@candidate_required
@require_POST
def analysis_delete_view(request, analysis_id):
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    try:
        analyses.analysis_delete(analysis=analysis)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("resumes:analysis", analysis_id=analysis.pk)
    messages.success(request, "The analysis is deleted.")
    return redirect("resumes:detail", resume_id=analysis.resume_id)


@candidate_required
@require_GET
def analysis_export_view(request, analysis_id, fmt):
    if fmt not in EXPORT_FORMATS:
        raise Http404
    analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
    try:
        result = analyses.analysis_require_completed(analysis=analysis)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("resumes:analysis", analysis_id=analysis.pk)
    content, content_type, filename = export_analysis(result, analysis_id=str(analysis.pk), fmt=fmt)
    return file_response(content, content_type, filename)


# --- Enhancements and templates ------------------------------------------------------------


@candidate_required
@renders_rate_limits
def enhance_view(request, resume_id):
    """Ask for line-level suggestions, optionally aimed at a role or a pasted job."""
    resume = selectors.resume_get(user=request.user, resume_id=resume_id)
    form = EnhanceForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        _limit(request, "generation")
        role = form.cleaned_data["target_role"]
        try:
            enhancement = documents.enhancement_create(
                owner=request.user,
                resume=resume,
                job=_job(request, form.cleaned_data, title=role),
                target_role=role,
            )
        except DomainError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("resumes:enhancement", enhancement_id=enhancement.pk)
    return render(request, "resumes/pages/enhance.html", {"resume": resume, "form": form})


@candidate_required
def enhancement_view(request, enhancement_id):
    """The suggestions with accept/reject in one form; saving redirects back here."""
    enhancement = selectors.enhancement_get(user=request.user, enhancement_id=enhancement_id)
    form = DecisionsForm(
        _posted(request),
        suggestions=enhancement.suggestions,
        decisions=enhancement.decisions,
        edits=enhancement.edits,
    )
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _save_decisions(request, enhancement, form.decisions(), form.edits())
    )
    if saved:
        return redirect("resumes:enhancement", enhancement_id=enhancement.pk)
    context = {
        "enhancement": enhancement,
        "resume": enhancement.resume,
        "form": form,
        "items": [
            {
                **suggestion,
                "kind_label": suggestion["kind"].replace("_", " ").capitalize(),
                "field": form[DecisionsForm.field_name(suggestion["id"])],
                "edit_field": form[DecisionsForm.edit_name(suggestion["id"])],
                "asks": form.asks_for_detail(suggestion["id"]),
            }
            for suggestion in enhancement.suggestions
        ],
        "accepted_count": len(enhancement.accepted_ids()),
        "download_form": DownloadEnhancedForm(auto_id="download-%s"),
    }
    return render(request, "resumes/pages/enhancement.html", context)


def _save_decisions(request, enhancement, decisions: dict[str, str], edits: dict) -> bool:
    if not decisions:
        messages.error(request, "Choose Accept or Reject for at least one suggestion.")
        return False
    try:
        documents.enhancement_decide(enhancement=enhancement, decisions=decisions, edits=edits)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return False
    accepted = sum(1 for value in decisions.values() if value == "accepted")
    messages.success(
        request, f"Decisions saved: {accepted} accepted, {len(decisions) - accepted} rejected."
    )
    return True


@candidate_required
@renders_rate_limits
@require_GET
def enhancement_download_view(request, enhancement_id):
    """The resume with the saved accepted rewrites, in the chosen template and format."""
    enhancement = selectors.enhancement_get(user=request.user, enhancement_id=enhancement_id)
    form = DownloadEnhancedForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose one of the listed templates and formats.")
        return redirect("resumes:enhancement", enhancement_id=enhancement.pk)
    _limit(request, "generation")
    fmt = form.cleaned_data["format"]
    content = documents.enhancement_render(
        enhancement=enhancement, template_id=form.cleaned_data["template"], fmt=fmt
    )
    return document_response(content, fmt, enhanced_resume_stem(enhancement.resume))


@candidate_required
def template_list_view(request):
    return render(
        request,
        "resumes/pages/templates.html",
        {"templates": TEMPLATES, "formats": RESUME_FORMATS},
    )


@candidate_required
@require_GET
def template_sample_view(request, template_id, fmt):
    if fmt not in RESUME_FORMATS:
        raise Http404
    try:
        content = template_sample(template_id, fmt)
    except UnknownTemplate as exc:
        raise Http404 from exc
    return document_response(content, fmt, template_sample_stem(template_id))


# --- Cover letters -------------------------------------------------------------------------


@candidate_required
@renders_rate_limits
def cover_letter_list_view(request):
    """Write a new letter from a resume and a pasted job; the past letters below."""
    resumes = selectors.resumes_for_user(user=request.user).defer("text", "parsed_data")
    form = CoverLetterForm(
        _posted(request), resumes=resumes, initial={"resume": _chosen_resume(request, resumes)}
    )
    if request.method == "POST" and form.is_valid():
        _limit(request, "generation")
        try:
            letter = _write_letter(request, form.cleaned_data)
        except DomainError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your cover letter is ready.")
            return redirect("resumes:cover_letter", letter_id=letter.pk)
    context = {
        "form": form,
        "has_resumes": resumes.exists(),
        "letters": selectors.cover_letters_for_user(user=request.user).defer("letter"),
    }
    return render(request, "resumes/pages/cover_letters.html", context)


def _chosen_resume(request, resumes):
    """`?resume=<id>` from a resume's page preselects it; anything else is ignored."""
    try:
        resume_id = uuid.UUID(request.GET.get("resume", ""))
    except ValueError:
        return None
    return resumes.filter(pk=resume_id).first()


def _write_letter(request, data: dict):
    job = _job(request, data, title=data["job_title"])
    if data["company"]:
        job = replace(job, company=data["company"])
    return documents.cover_letter_create(
        owner=request.user, resume=data["resume"], job=job, tone=data["tone"]
    )


@candidate_required
def cover_letter_view(request, letter_id):
    letter = selectors.cover_letter_get(user=request.user, letter_id=letter_id)
    return render(
        request,
        "resumes/pages/cover_letter.html",
        {"letter": letter, "content": letter.letter, "formats": LETTER_FORMATS},
    )


@candidate_required
@require_GET
def cover_letter_download_view(request, letter_id, fmt):
    if fmt not in LETTER_FORMATS:
        raise Http404
    letter = selectors.cover_letter_get(user=request.user, letter_id=letter_id)
    content = documents.cover_letter_render(letter=letter, fmt=fmt)
    return document_response(content, fmt, cover_letter_stem(letter))


@candidate_required
@require_POST
def cover_letter_delete_view(request, letter_id):
    documents.cover_letter_delete(
        letter=selectors.cover_letter_get(user=request.user, letter_id=letter_id)
    )
    messages.success(request, "The cover letter is deleted.")
    return redirect("resumes:cover_letters")
