from accounts.models import Role


def navigation(request):
    """Which navigation sections the current user may see."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "nav": {
            "signed_in": signed_in,
            "candidate": signed_in and user.has_role(Role.CANDIDATE),
            "recruiter": signed_in and user.has_role(Role.RECRUITER),
            "expert": signed_in and user.has_role(Role.DOMAIN_EXPERT),
            "admin": signed_in and user.has_role(Role.ADMIN),
            "unverified": signed_in and not user.email_verified,
        }
    }
