"""OpenAPI: document the shared error body on every operation that can return it."""

from rest_framework.permissions import AllowAny

from core.api.ratelimit import RateLimitedMixin

ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail", "error_code", "timestamp"],
    "properties": {
        "detail": {"type": "string", "description": "A sentence a person can read."},
        "error_code": {"type": "string", "description": "Stable code for programs."},
        "timestamp": {"type": "string", "format": "date-time"},
        "errors": {
            "type": "object",
            "description": "Per-field messages, for validation errors.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
DESCRIPTIONS = {
    "400": "Malformed or invalid input",
    "401": "Missing, invalid or expired access token",
    "403": "The user's role does not allow this",
    "404": "No such object, or not yours",
    "405": "Method not allowed",
    "415": "Unsupported media type",
    "429": "Rate limit exceeded (see Retry-After)",
    "500": "Unexpected server error",
}


def _error_statuses(method: str, path: str, view_class) -> list[str]:
    statuses = ["405", "500"]
    if method in {"post", "put", "patch"}:
        statuses += ["400", "415"]
    requires_auth = not any(
        permission is AllowAny for permission in getattr(view_class, "permission_classes", [])
    )
    if requires_auth:
        statuses += ["401", "403"]
    if "{" in path:
        statuses.append("404")
    if issubclass(view_class, RateLimitedMixin):
        statuses.append("429")
    return statuses


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: add ErrorResponse to every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["ErrorResponse"] = ERROR_SCHEMA
    views = {
        (path, method.lower()): getattr(callback, "cls", object)
        for path, _regex, method, callback in generator.endpoints or []
    }
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            view_class = views.get((path, method), object)
            responses = operation.setdefault("responses", {})
            for code in _error_statuses(method, path, view_class):
                responses.setdefault(
                    code,
                    {
                        "description": DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )
    return result
