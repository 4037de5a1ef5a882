"""Account pages: thin views over the same services the API uses (sessions, not JWT)."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from rest_framework.exceptions import ValidationError

from accounts import services
from accounts.dashboard import dashboard_panels, remember_last_visit
from accounts.forms import (
    LoginForm,
    PasswordResetRequestForm,
    ProfileForm,
    RegisterForm,
    add_service_errors,
)
from accounts.models import Role
from accounts.notifications import notifications_mark_read, notifications_recent
from accounts.permissions import role_required
from core.errors import DomainError
from core.http import client_ip
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from gdpr.audit import audit_record
from gdpr.models import AuditAction

SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@renders_rate_limits
def login_view(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        enforce_rate_limits(
            request,
            group="login",
            keys={"login_ip": client_ip(request), "login_email": email.lower()},
        )
        try:
            user = services.user_authenticate(
                email=email, password=form.cleaned_data["password"], ip=client_ip(request)
            )
        except (ValidationError, DomainError) as exc:
            add_service_errors(form, exc)
        else:
            login(request, user, backend=SESSION_BACKEND)
            return redirect(_next_url(request) or "accounts:dashboard")
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request)})


@renders_rate_limits
def register_view(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        enforce_rate_limits(
            request,
            group="register",
            keys={"register_ip": client_ip(request), "register_email": data["email"].lower()},
        )
        try:
            user = services.user_register(**data, ip=client_ip(request))
        except (ValidationError, DomainError) as exc:
            add_service_errors(form, exc)
        else:
            login(request, user, backend=SESSION_BACKEND)
            messages.success(
                request,
                f"Welcome to Hirewise, {user.name}. We sent a link to {user.email}: open it "
                "to verify your email.",
            )
            return redirect("accounts:dashboard")
    return render(request, "accounts/register.html", {"form": form})


def verify_email_view(request, token: str):
    """The link mailed at sign-up: verifies the address, or says why the link does not."""
    try:
        user = services.user_verify_email(token=token, ip=client_ip(request))
    except DomainError as exc:
        context = {"verified": False, "problem": str(exc.detail)}
        return render(request, "accounts/verify_email.html", context, status=400)
    return render(request, "accounts/verify_email.html", {"verified": True, "email": user.email})


@require_POST
@login_required
@renders_rate_limits
def resend_verification_view(request):
    """The banner's button: mail a fresh verification link to the signed-in user."""
    enforce_rate_limits(request, group="verify_email", keys={"verify_email": str(request.user.pk)})
    try:
        services.email_verification_resend(user=request.user)
    except DomainError as exc:
        messages.info(request, str(exc.detail))
    else:
        messages.success(request, f"A new link is on its way to {request.user.email}.")
    return redirect(_next_url(request) or "accounts:dashboard")


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("home")


@login_required
def profile_view(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            user=request.user, data=form.cleaned_data, ip=client_ip(request)
        )
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def notifications_view(request):
    notifications = notifications_recent(request.user)
    has_unread = any(notification.read_at is None for notification in notifications)
    return render(
        request,
        "accounts/notifications.html",
        {"notifications": notifications, "has_unread": has_unread},
    )


@login_required
@require_POST
def notifications_read_view(request):
    if notifications_mark_read(request.user):
        messages.success(request, "All notifications are marked as read.")
    return redirect("accounts:notifications")


@login_required
def dashboard_view(request):
    """Send each user to the home of their role (a domain expert: the question queue)."""
    if request.user.role == Role.ADMIN:
        return redirect("accounts:admin_dashboard")
    if request.user.role == Role.DOMAIN_EXPERT:
        return redirect("interviews:review_queue")
    if request.user.has_role(Role.RECRUITER):
        return redirect("accounts:recruiter_dashboard")
    return redirect("accounts:candidate_portal")


def _dashboard(request, *, role: Role, template: str):
    panels = dashboard_panels(role=role, request=request)
    return render(request, template, {"panels": panels})


@role_required(Role.CANDIDATE)
def candidate_portal_view(request):
    return _dashboard(request, role=Role.CANDIDATE, template="portal/dashboard.html")


@role_required(Role.RECRUITER)
def recruiter_dashboard_view(request):
    remember_last_visit(request)
    response = _dashboard(request, role=Role.RECRUITER, template="recruiter/dashboard.html")
    services.user_mark_dashboard_seen(user=request.user)
    return response


@role_required(Role.ADMIN)
def admin_dashboard_view(request):
    return _dashboard(request, role=Role.ADMIN, template="accounts/admin_dashboard.html")


class PasswordResetRequestView(auth_views.PasswordResetView):
    """Email a set-password link; rate limited so nobody can flood an inbox."""

    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @method_decorator(renders_rate_limits)
    def post(self, request, *args, **kwargs):
        email = request.POST.get("email", "")
        enforce_rate_limits(
            request,
            group="password_reset",
            keys={
                "password_reset_ip": client_ip(request),
                "password_reset_email": email.strip().lower(),
            },
        )
        return super().post(request, *args, **kwargs)


class PasswordSetView(SuccessMessageMixin, auth_views.PasswordResetConfirmView):
    """Choose a new password from an emailed link; every JWT issued before stops working."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:login")
    success_message = "Your password is changed. Sign in with it."

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            action=AuditAction.AUTH_PASSWORD_RESET,
            actor=form.user,
            target=form.user,
            ip=client_ip(self.request),
        )
        return response
