"""Privacy-centre pages for the data a person takes with them or has erased: request and
download an export, preview the erasure and confirm it with the password."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import DomainError, InvalidInput
from core.http import client_ip
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from gdpr.data_rights_forms import ErasureConfirmForm
from gdpr.erasure import erasure_confirm, erasure_preview
from gdpr.export import (
    export_download,
    export_download_available,
    export_file_name,
    export_get,
    export_request,
    exports_for_user,
)
from gdpr.export_links import export_download_token
from gdpr.http import zip_response

EXPORTS_SHOWN = 3


def export_context(user) -> dict:
    """The privacy centre's "Download your data" card: the latest exports with their links."""
    exports = list(exports_for_user(user=user)[:EXPORTS_SHOWN])
    for export in exports:
        export.download_link = (
            f"{reverse('gdpr:export_download', kwargs={'export_id': export.pk})}"
            f"?token={export_download_token(export)}"
            if export_download_available(export)
            else ""
        )
    in_progress = any(export.status in ("queued", "running") for export in exports)
    return {"exports": exports, "export_in_progress": in_progress}


@login_required
@require_POST
@renders_rate_limits
def export_request_view(request):
    enforce_rate_limits(request, group="gdpr_export", keys={"gdpr_export": str(request.user.pk)})
    export_request(user=request.user, ip=client_ip(request))
    messages.success(
        request, "Your data is being prepared. We will email you when it is ready to download."
    )
    return redirect(reverse("gdpr:privacy_centre") + "#export")


@login_required
def export_download_view(request, export_id):
    """The signed link from the email and the privacy centre; signed in as its owner."""
    try:
        export = export_get(user=request.user, export_id=export_id)
        content = export_download(
            export=export,
            token=request.GET.get("token", ""),
            user=request.user,
            ip=client_ip(request),
        )
    except DomainError as error:
        return render(
            request, "gdpr/export_unavailable.html", {"error": error}, status=error.status_code
        )
    return zip_response(content, export_file_name(export))


@login_required
@renders_rate_limits
def erasure_view(request):
    """GET: what deleting the account erases and keeps; POST: delete it, with the password."""
    form = ErasureConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        enforce_rate_limits(
            request, group="gdpr_erasure", keys={"gdpr_erasure": str(request.user.pk)}
        )
        try:
            erasure_confirm(user=request.user, password=form.cleaned_data["password"])
        except InvalidInput as error:
            form.add_error("password", error.errors["password"][0])
        else:
            logout(request)
            messages.success(request, "Your account is deleted and your personal data erased.")
            return redirect("home")
    lines = erasure_preview(user=request.user, ip=client_ip(request))
    context = {
        "form": form,
        "erased": [line for line in lines if line.outcome == "erased"],
        "anonymised": [line for line in lines if line.outcome == "anonymised"],
        "needs_password": request.user.has_usable_password(),
    }
    return render(request, "gdpr/erasure.html", context)
