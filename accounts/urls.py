from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("register/", views.register_view, name="register"),
    path("logout/", views.logout_view, name="logout"),
    path("profile/", views.profile_view, name="profile"),
    path("notifications/", views.notifications_view, name="notifications"),
    path("notifications/read/", views.notifications_read_view, name="notifications_read"),
    path("dashboard/", views.dashboard_view, name="dashboard"),
    path("portal/", views.candidate_portal_view, name="candidate_portal"),
    path("recruiter/", views.recruiter_dashboard_view, name="recruiter_dashboard"),
    path("operations/", views.admin_dashboard_view, name="admin_dashboard"),
    path("accounts/verify/<str:token>", views.verify_email_view, name="verify_email"),
    path("accounts/verify-again/", views.resend_verification_view, name="resend_verification"),
    path("password/reset/", views.PasswordResetRequestView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/set/<uidb64>/<token>/",
        views.PasswordSetView.as_view(),
        name="password_reset_confirm",
    ),
]
