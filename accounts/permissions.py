"""Role checks shared by API views (DRF permission classes) and page views (decorator)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from accounts.models import Role


class _RolePermission(BasePermission):
    role: Role = Role.CANDIDATE
    message = "Your role does not allow this."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.has_role(self.role))


def role_permission(role: Role) -> type[BasePermission]:
    """A DRF permission class admitting `role` and every role above it."""
    return type(f"Is{Role(role).name.title().replace('_', '')}", (_RolePermission,), {"role": role})


IsCandidate = role_permission(Role.CANDIDATE)
IsRecruiter = role_permission(Role.RECRUITER)
IsDomainExpert = role_permission(Role.DOMAIN_EXPERT)
IsAdmin = role_permission(Role.ADMIN)


def role_required(role: Role):
    """Page-view decorator: anonymous visitors go to the login page, lower roles get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_role(role):
                raise PermissionDenied("Your role does not allow this page.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
