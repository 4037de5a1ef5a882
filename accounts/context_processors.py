from accounts.models import Role

# Each role sees its own main navigation (templates/partials/nav_<role>.html).
ROLE_MENUS = {
    Role.CANDIDATE: "partials/nav_candidate.html",
    Role.RECRUITER: "partials/nav_recruiter.html",
    Role.DOMAIN_EXPERT: "partials/nav_expert.html",
    Role.ADMIN: "partials/nav_admin.html",
}
PUBLIC_MENU = "partials/nav_public.html"


def navigation(request):
    """Which navigation the current user sees, and which role-gated sections they may use."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "nav": {
            "signed_in": signed_in,
            "menu": ROLE_MENUS.get(user.role, PUBLIC_MENU) if signed_in else PUBLIC_MENU,
            "candidate": signed_in and user.has_role(Role.CANDIDATE),
            "recruiter": signed_in and user.has_role(Role.RECRUITER),
            "expert": signed_in and user.has_role(Role.DOMAIN_EXPERT),
            "admin": signed_in and user.has_role(Role.ADMIN),
            "unverified": signed_in and not user.email_verified,
        }
    }
