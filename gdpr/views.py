"""Privacy pages: thin views over the gdpr services, signed in with a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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
from gdpr.consents import CONSENT_TEXTS, consent_history, consent_record, latest_decisions
from gdpr.forms import AnonymousRequestForm, ConsentForm
from gdpr.models import RequestKind
from gdpr.presenters import consent_rows
from gdpr.registry import registry
from gdpr.request_links import request_from_token


@login_required
def privacy_centre_view(request):
    history = list(consent_history(user=request.user))
    for record in history:
        record.title = CONSENT_TEXTS[record.purpose].title
    context = {
        "consents": consent_rows(latest_decisions(history)),
        "consent_history": history,
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
