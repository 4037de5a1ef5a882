from core.errors import ConflictError


class ConsentTextOutdated(ConflictError):
    error_code = "consent_text_outdated"
    message = "The consent text changed since it was shown: read the new version and decide again."
    field = "version"
