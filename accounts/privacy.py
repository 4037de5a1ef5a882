from accounts.models import PROFILE_FIELDS
from accounts.services import erase_profile
from gdpr.registry import registry


def export_profile(user) -> dict:
    return {
        "email": user.email,
        "role": user.role,
        **{field: getattr(user, field) for field in PROFILE_FIELDS},
        "skills": user.skills,
        "created_at": user.created_at.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


registry.register("account", export=export_profile, erase=erase_profile)
