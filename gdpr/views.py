"""Privacy pages: thin views over the gdpr services, signed in with a session."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.http import client_ip
from gdpr.consents import CONSENT_TEXTS, consent_history, consent_record, latest_decisions
from gdpr.forms import ConsentForm
from gdpr.presenters import consent_rows


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
