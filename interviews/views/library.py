"""The candidate's question library: personal questions from an analysis, saved questions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.errors import DomainError
from interviews.errors import SavedQuestionNotFound
from interviews.forms import LibraryFilterForm, PersonalForm, SaveQuestionForm
from interviews.selectors import library_for_user, saved_question_get
from interviews.services.library import library_delete, library_save, personal_questions
from resumes.models import AnalysisStatus
from resumes.selectors import analyses_for_user

candidate_required = role_required(Role.CANDIDATE)
PAGE_SIZE = 20


@require_http_methods(["GET", "POST"])
@candidate_required
def library_view(request):
    """Generate personal questions (POST) and browse the saved ones (GET filters)."""
    analyses = analyses_for_user(user=request.user).filter(status=AnalysisStatus.COMPLETED)[:20]
    personal_form = PersonalForm(request.POST or None, analyses=analyses)
    generated = []
    if request.method == "POST" and personal_form.is_valid():
        try:
            questions, _meta = personal_questions(user=request.user, **personal_form.cleaned_data)
        except DomainError as exc:
            personal_form.add_error(None, str(exc.detail))
        else:
            extra = {key: personal_form.cleaned_data[key] for key in ("job_title", "company")}
            generated = [
                {
                    "item": item,
                    "form": SaveQuestionForm(
                        initial={
                            "question": item["question"],
                            "answer": item["answer"],
                            "category": item["category"],
                            "difficulty": item["difficulty"],
                            **extra,
                        }
                    ),
                }
                for item in questions
            ]
    filters = LibraryFilterForm(request.GET or None)
    query = filters.cleaned_data if filters.is_valid() else {}
    entries = library_for_user(
        user=request.user,
        category=query.get("category", ""),
        difficulty=query.get("difficulty", ""),
        tags=(query["tag"].casefold(),) if query.get("tag") else (),
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "personal_form": personal_form,
        "has_analyses": bool(analyses),
        "generated": generated,
        "filters": filters,
        "page": page,
    }
    return render(request, "interviews/library.html", context)


@require_POST
@candidate_required
def library_save_view(request):
    form = SaveQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "This question could not be saved.")
        return redirect("interviews:library")
    try:
        library_save(user=request.user, **form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, "Saved to your library.")
    return redirect("interviews:library")


@require_POST
@candidate_required
def library_delete_view(request, saved_id):
    try:
        entry = saved_question_get(user=request.user, saved_id=saved_id)
    except SavedQuestionNotFound as exc:
        raise Http404 from exc
    library_delete(entry=entry)
    messages.success(request, "Removed from your library.")
    return redirect("interviews:library")
