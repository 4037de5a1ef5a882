from accounts.services import erase_profile
from gdpr.registry import registry


def export_profile(user) -> dict:
    return {
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "headline": user.headline,
        "location": user.location,
        "phone": user.phone,
        "github_url": user.github_url,
        "linkedin_url": user.linkedin_url,
        "stackoverflow_url": user.stackoverflow_url,
        "created_at": user.created_at.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


registry.register("account", export=export_profile, erase=erase_profile)
