"""Privacy pages: thin views over the gdpr services, signed in with a session."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.http import client_ip
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from gdpr.anonymous import (
    REQUEST_ACCEPTED,
    anonymous_request_confirm,
    anonymous_request_submit,
    normalise,
)
from gdpr.audit_log import audit_entries
from gdpr.consents import CONSENT_TEXTS, consent_history, consent_record, latest_decisions
from gdpr.data_rights_views import export_context
from gdpr.downloads import audit_csv_response
from gdpr.forms import AnonymousRequestForm, AuditFilterForm, ConsentForm, RetentionForm
from gdpr.models import AuditAction, AuditLogEntry, DataSubjectRequest, RequestKind
from gdpr.presenters import consent_rows
from gdpr.registry import registry
from gdpr.request_links import request_from_token
from gdpr.retention import purge_expired, retention_overview, retention_update
from gdpr.tracker import open_requests


@login_required
def privacy_centre_view(request):
    history = list(consent_history(user=request.user))
    for record in history:
        record.title = CONSENT_TEXTS[record.purpose].title
    context = {
        "consents": consent_rows(latest_decisions(history)),
        "consent_history": history,
        **export_context(request.user),
    }
    return render(request, "gdpr/privacy_centre.html", context)


@login_required
@require_POST
def consent_view(request):
    form = ConsentForm(request.POST)
    if not form.is_valid():
        problems = form.errors.get("__all__", ["Choose a consent to change."])
        messages.error(request, " ".join(problems))
        return redirect("gdpr:privacy_centre")
    purpose, granted = form.cleaned_data["purpose"], form.cleaned_data["granted"]
    consent_record(
        user=request.user, purpose=purpose, granted=granted, source="page", ip=client_ip(request)
    )
    title = CONSENT_TEXTS[purpose].title
    messages.success(request, f"{title}: consent {'given' if granted else 'withdrawn'}.")
    return redirect(reverse("gdpr:privacy_centre") + "#consents")


@renders_rate_limits
def anonymous_request_view(request):
    """Applicants without an account ask for a copy or the erasure of their applications."""
    form = AnonymousRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = normalise(form.cleaned_data["email"])
        enforce_rate_limits(
            request,
            group="gdpr_request",
            keys={"gdpr_request_ip": client_ip(request), "gdpr_request_email": email},
        )
        anonymous_request_submit(email=email, kind=form.cleaned_data["kind"], ip=client_ip(request))
        messages.success(request, REQUEST_ACCEPTED)
        return redirect("gdpr:anonymous_request")
    return render(request, "gdpr/anonymous_request.html", {"form": form})


def confirm_request_view(request, token: str):
    """GET shows what the link will do (mail scanners open links); POST does it."""
    try:
        if request.method == "POST":
            return _carry_out(request, token)
        data_request = request_from_token(token)
    except DomainError as error:
        context = {"error": error}
        return render(request, "gdpr/confirm_request.html", context, status=error.status_code)
    context = {"data_request": data_request, "held": registry.count_email(data_request.email)}
    return render(request, "gdpr/confirm_request.html", context)


def _carry_out(request, token: str):
    data_request, result = anonymous_request_confirm(token=token, ip=client_ip(request))
    if data_request.kind == RequestKind.EXPORT:
        response = JsonResponse(result, json_dumps_params={"indent": 2})
        response["Content-Disposition"] = 'attachment; filename="hirewise-applications.json"'
        return response
    context = {"erased": sum(result.values()), "done": True}
    return render(request, "gdpr/confirm_request.html", context)


def admin_required(view):
    """Visitors go to the login page; signed-in users without the admin role get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_admin:
            raise PermissionDenied("Only admins manage privacy settings.")
        return view(request, *args, **kwargs)

    return wrapper


RECENT_PURGES = 5


@admin_required
def retention_admin_view(request):
    """Days per kind of data, a purge preview (dry run) and the last purge reports."""
    kinds = retention_overview()
    form = RetentionForm(request.POST or None, kinds=kinds)
    preview = None
    if request.method == "POST" and request.POST.get("action") == "preview":
        preview = purge_expired(dry_run=True)
        form = RetentionForm(kinds=kinds)
    elif request.method == "POST" and form.is_valid():
        retention_update(actor=request.user, days=form.cleaned_data, ip=client_ip(request))
        messages.success(request, "Retention saved. The next purge uses the new periods.")
        return redirect("gdpr:retention_admin")
    labels = {kind["kind"]: kind["label"] for kind in kinds}
    context = {
        "form": form,
        "preview": preview,
        "preview_rows": [
            {"label": labels[kind], **item}
            for kind, item in (preview or {}).get("kinds", {}).items()
        ],
        "purges": AuditLogEntry.objects.filter(action=AuditAction.RETENTION_PURGED)[:RECENT_PURGES],
    }
    return render(request, "gdpr/admin_retention.html", context)


AUDIT_PAGE_SIZE = 50


@admin_required
def audit_admin_view(request):
    """The audit log with filters, a page at a time, and the same filters as a CSV link."""
    form = AuditFilterForm(request.GET)
    entries = audit_entries(**form.filters()) if form.is_valid() else AuditLogEntry.objects.none()
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "gdpr/admin_audit.html", {"form": form, "page": page})


@admin_required
def audit_csv_admin_view(request):
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Fix the filters before downloading.")
        return redirect(reverse("gdpr:audit_admin") + "?" + request.GET.urlencode())
    return audit_csv_response(form.filters(), actor=request.user, ip=client_ip(request))


@admin_required
def requests_admin_view(request):
    """Open data-subject requests, soonest due first, and the latest answered ones."""
    closed = DataSubjectRequest.objects.exclude(pk__in=open_requests().values("pk"))
    context = {
        "open_requests": list(open_requests().select_related("user")),
        "closed_requests": closed.select_related("user").order_by("-completed_at")[:20],
        "now": timezone.now(),
    }
    return render(request, "gdpr/admin_requests.html", context)
