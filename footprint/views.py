"""The candidate's footprint pages: scan, follow it live, read the scores with their inputs,
compare scans, read the privacy report, share with recruiters and add skills.

Thin views over the services the API uses; every form works without JavaScript.
"""

from django.contrib import messages
from django.http import JsonResponse
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
from footprint import presenters, selectors, services
from footprint.forms import CompareForm, ScanForm
from footprint.models import FootprintScan, ScanStatus
from footprint.progress import progress_message

candidate_required = role_required(Role.CANDIDATE)


def _page(request, *, scan: FootprintScan | None, form: ScanForm | None = None):
    context = {
        "scan": scan,
        "form": form or ScanForm(initial=services.profile_links(request.user)),
        "history": selectors.scan_history(user=request.user)[:20],
        "sharing": selectors.sharing_enabled(user=request.user),
        "profile_skills": {skill.casefold() for skill in request.user.skills},
    }
    if scan is not None:
        context["progress_value"] = "" if scan.status == ScanStatus.QUEUED else scan.progress
        if scan.status == ScanStatus.COMPLETED and scan.scores:
            context["chart"] = presenters.score_chart(scan.scores)
            context["cards"] = presenters.score_cards(scan.scores)
    return render(request, "footprint/page.html", context)


@candidate_required
@require_GET
def footprint_view(request):
    """The latest scan, or the scan form when there is none yet."""
    return _page(request, scan=selectors.scans_for_user(user=request.user).first())


@candidate_required
@require_GET
def scan_view(request, scan_id):
    return _page(request, scan=selectors.scan_get(user=request.user, scan_id=scan_id))


@candidate_required
@require_POST
@renders_rate_limits
def scan_start_view(request):
    form = ScanForm(request.POST)
    if form.is_valid():
        enforce_rate_limits(
            request, group="footprint_scan", keys={"footprint_scan": str(request.user.pk)}
        )
        try:
            scan = services.scan_start(
                owner=request.user,
                github_username=form.cleaned_data["github_username"],
                stackoverflow_id=form.cleaned_data["stackoverflow_id"],
                ip=client_ip(request),
            )
        except DomainError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("footprint:scan", scan_id=scan.pk)
    return _page(request, scan=selectors.scans_for_user(user=request.user).first(), form=form)


@candidate_required
@require_GET
@never_cache
def scan_status_view(request, scan_id):
    """What the page polls when its socket is down: the same message the socket sends."""
    scan = selectors.scan_get(user=request.user, scan_id=scan_id)
    return JsonResponse(progress_message(scan))


@candidate_required
@require_POST
def skills_add_view(request, scan_id):
    scan = selectors.scan_get(user=request.user, scan_id=scan_id)
    chosen = request.POST.getlist("skills") or None
    try:
        added = services.scan_skills_add(
            scan=scan, user=request.user, skills=chosen, ip=client_ip(request)
        )
    except DomainError as exc:
        messages.error(request, exc.detail)
    else:
        if added:
            messages.success(request, f"Added to your profile: {', '.join(added)}.")
        else:
            messages.info(request, "Your profile already lists these skills.")
    return redirect("footprint:scan", scan_id=scan.pk)


@candidate_required
@require_POST
def scan_delete_view(request, scan_id):
    scan = selectors.scan_get(user=request.user, scan_id=scan_id)
    services.scan_delete(scan=scan, user=request.user, ip=client_ip(request))
    messages.success(request, "The scan was deleted.")
    return redirect("footprint:index")


@candidate_required
@require_POST
def sharing_view(request):
    share = request.POST.get("share_with_recruiters") == "on"
    services.sharing_set(user=request.user, share=share, ip=client_ip(request))
    if share:
        messages.success(request, "Recruiters you applied to now see your latest scan.")
    else:
        messages.success(request, "Recruiters no longer see your scans.")
    return redirect("footprint:index")


@candidate_required
@require_GET
def compare_view(request):
    form = CompareForm(request.GET)
    if not form.is_valid():
        messages.error(request, "Choose two scans to compare.")
        return redirect("footprint:index")
    first = selectors.scan_get(user=request.user, scan_id=form.cleaned_data["first"])
    second = selectors.scan_get(user=request.user, scan_id=form.cleaned_data["second"])
    try:
        comparison = services.scans_compare(first=first, second=second)
    except DomainError as exc:
        messages.error(request, exc.detail)
        return redirect("footprint:index")
    context = {
        "comparison": comparison,
        "chart": presenters.score_chart(comparison["newer"].scores, comparison["older"].scores),
    }
    return render(request, "footprint/compare.html", context)
