from rest_framework.permissions import BasePermission


class IsAdminRole(BasePermission):
    """The admin role (gdpr sees roles only through the user model's `is_admin`)."""

    message = "Your role does not allow this."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.is_admin)
