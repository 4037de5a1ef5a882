"""JSON schemas of the task outputs, and validation against them.

The same schemas are sent to Gemini as `response_json_schema`, so they keep to the keywords
its structured output supports: type, properties, required, items, min/maxItems, minLength
and additionalProperties.
"""

from jsonschema import Draft202012Validator

_TEXT = {"type": "string", "minLength": 1}


def _object(properties: dict) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _texts(min_items: int, max_items: int) -> dict:
    return {"type": "array", "items": _TEXT, "minItems": min_items, "maxItems": max_items}


RESUME_REVIEW = _object({"summary": _TEXT, "pros": _texts(3, 6), "cons": _texts(3, 6)})

# What Gemini writes for a cover letter; the signature is always filled in locally, so the
# candidate's name and contact details never need to reach the model.
COVER_LETTER_BODY = _object(
    {"subject": _TEXT, "greeting": _TEXT, "paragraphs": _texts(1, 6), "closing": _TEXT}
)
COVER_LETTER = _object({**COVER_LETTER_BODY["properties"], "signature": {"type": "string"}})

BULLET_REWRITES = _object(
    {"rewrites": {"type": "array", "items": _object({"id": _TEXT, "text": _TEXT})}}
)

GAP_ASSESSMENT = _object({"overall_assessment": _TEXT})


def schema_errors(data: object, schema: dict) -> list[str]:
    """Why `data` does not match `schema`, one line per problem ([] when it does)."""
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: e.json_path)
    return [f"{error.json_path}: {error.message}" for error in errors]
