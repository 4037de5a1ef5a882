"""OpenAPI: what drf-spectacular cannot read from the views, so that the schema tells the truth.

- `HirewiseAutoSchema` marks operations an anonymous caller may use as public (`{}` among
  the security requirements); says that text fields refusing blanks refuse whitespace too
  (`pattern: \\S`: DRF trims before checking), that a stored URL shown may be `""`, and
  which fields a serializer needs one of (`schema_any_of_required`) or whether it refuses
  others (`refuses_unknown_fields`).
- `document_error_responses` (a postprocessing hook) lists on every operation the error
  statuses it can answer, with the shared error body, and says that an optional query
  parameter sent empty counts as not sent (DRF reads `?x=` so, and HTML forms send it).
"""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

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
    "409": "Conflicts with the current state",
    "413": "The upload is larger than the limit",
    "415": "Unsupported media type",
    "429": "Rate limit exceeded (see Retry-After)",
    "500": "Unexpected server error",
    "503": "A service the request needs is unavailable (see Retry-After)",
}
RETRY_AFTER = {
    "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait"},
}
BODY_METHODS = {"post", "put", "patch"}


def anonymous_allowed(view, method: str) -> bool:
    """Would the view's permissions let a caller without a token through for `method`?"""
    request = SimpleNamespace(method=method.upper(), user=AnonymousUser(), auth=None)
    original = getattr(view, "request", None)
    view.request = request
    try:
        return all(
            permission.has_permission(request, view) for permission in view.get_permissions()
        )
    except (AttributeError, KeyError, TypeError):
        return False
    finally:
        view.request = original


class HirewiseAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and anonymous_allowed(self.view, self.method):
            auths.append({})
        return auths

    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction != "request":
            return schema
        alternatives = getattr(serializer, "schema_any_of_required", None)
        if alternatives:
            schema["anyOf"] = [{"required": list(fields)} for fields in alternatives]
        if getattr(serializer, "refuses_unknown_fields", False):
            schema["additionalProperties"] = False
        return schema

    def _insert_field_validators(self, field, schema):
        # Validators add `format` (URLValidator: uri), so the text rules go in after them.
        super()._insert_field_validators(field, schema)
        if isinstance(field, serializers.CharField) and schema.get("type") == "string":
            _describe_blanks(field, schema)
        if isinstance(field, serializers.DictField) and not field.allow_empty:
            schema["minProperties"] = 1


def _describe_blanks(field, schema: dict) -> None:
    if "format" in schema and field.read_only and isinstance(field, serializers.URLField):
        # Shows what was stored, and blank model URL fields store "" (writable ones that
        # allow blanks get drf-spectacular's own oneOf).
        schema["anyOf"] = [{"format": schema.pop("format")}, {"maxLength": 0}]
    elif schema.get("minLength") == 1 and field.trim_whitespace and not _has_rule(schema):
        # minLength 1 is drf-spectacular's mark of input that refuses blanks.
        schema["pattern"] = r"\S"


def _has_rule(schema: dict) -> bool:
    return bool(schema.keys() & {"enum", "format", "pattern"})


def _requires_token(operation: dict) -> bool:
    return {} not in operation.get("security", [{}])


def _accepts_token(operation: dict) -> bool:
    return any(requirement for requirement in operation.get("security", []))


def _has_query(operation: dict) -> bool:
    return any(parameter.get("in") == "query" for parameter in operation.get("parameters", []))


def _is_paginated(operation: dict) -> bool:
    return any(parameter.get("name") == "page" for parameter in operation.get("parameters", []))


def _names_ids(operation: dict, components: dict) -> bool:
    """Does the query or JSON body carry ids (`job_id`, `resume_ids`...)? One that names no
    row of the caller's is a 404."""
    names = [parameter.get("name", "") for parameter in operation.get("parameters", [])]
    content = operation.get("requestBody", {}).get("content", {})
    body = content.get("application/json", {}).get("schema", {})
    ref = body.get("$ref", "").rsplit("/", 1)[-1]
    names += list(components.get(ref, body).get("properties", {}))
    return any(name.endswith(("_id", "_ids")) for name in names)


def _error_statuses(method: str, path: str, view_class, operation: dict, components) -> list:
    """The statuses the shared machinery can answer for this operation; views add their own
    (409, 413, 503...) with `OpenApiResponse(ERROR_REF, ...)`."""
    statuses = ["405", "500"]
    if method != "get":
        statuses.append("400")  # domain errors default to 400
    if method in BODY_METHODS and "requestBody" in operation:
        statuses += ["400", "415"]
    if _has_query(operation):
        statuses.append("400")
    if _accepts_token(operation):
        statuses.append("401")  # an invalid or expired token, even where none is needed
    if _requires_token(operation):
        statuses.append("403")
    if "{" in path or _is_paginated(operation) or _names_ids(operation, components):
        statuses.append("404")
    if isinstance(view_class, type) and issubclass(view_class, RateLimitedMixin):
        statuses.append("429")
    # Views that hand work to the task broker (503 queue_unavailable) name the methods.
    if method in getattr(view_class, "queues_jobs_on", ()):
        statuses.append("503")
    return statuses


def document_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: add ErrorResponse to every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["ErrorResponse"] = ERROR_SCHEMA
    views = {
        (path, method.lower()): getattr(callback, "cls", object)
        for path, _regex, method, callback in generator.endpoints or []
    }
    components = result["components"]["schemas"]
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            view_class = views.get((path, method), object)
            _empty_means_absent(operation)
            responses = operation.setdefault("responses", {})
            for code in _error_statuses(method, path, view_class, operation, components):
                documented = {
                    "description": DESCRIPTIONS[code],
                    "content": {"application/json": {"schema": ERROR_REF}},
                }
                if code == "503":
                    documented["headers"] = RETRY_AFTER
                responses.setdefault(code, documented)
    return result


def _empty_means_absent(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "query" or parameter.get("required"):
            continue
        schema = parameter.get("schema", {})
        if schema.get("type") == "string" and "format" not in schema:
            schema.pop("minLength", None)
            if schema.get("pattern") == r"\S":
                del schema["pattern"]
            if "enum" in schema and "" not in schema["enum"]:
                schema["enum"] = [*schema["enum"], ""]
        elif schema.get("type") != "array":  # an empty item is dropped from a list
            parameter["schema"] = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
