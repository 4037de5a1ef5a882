from django.urls import path

from accounts.api import views

urlpatterns = [
    path("auth/register", views.RegisterView.as_view(), name="auth-register"),
    path("auth/login", views.LoginView.as_view(), name="auth-login"),
    path("auth/refresh", views.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout", views.LogoutView.as_view(), name="auth-logout"),
    path("auth/verify-email", views.VerifyEmailView.as_view(), name="auth-verify-email"),
    path(
        "auth/resend-verification",
        views.ResendVerificationView.as_view(),
        name="auth-resend-verification",
    ),
    path("auth/me", views.MeView.as_view(), name="auth-me"),
    path("auth/profile", views.ProfileView.as_view(), name="auth-profile"),
    path("auth/account", views.AccountView.as_view(), name="auth-account"),
    path("users", views.UsersView.as_view(), name="users"),
    path("users/<int:user_id>", views.UserDetailView.as_view(), name="user-detail"),
]
