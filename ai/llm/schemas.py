"""Building blocks of the tasks' JSON schemas, and validation against them.

The same schemas are sent to Gemini as `response_json_schema`, so they keep to the keywords
its structured output supports: type, properties, required, items, min/maxItems, minLength
and additionalProperties. Each task declares its own schema beside its writer.
"""

from jsonschema import Draft202012Validator

TEXT = {"type": "string", "minLength": 1}


def object_schema(properties: dict) -> dict:
    """An object with exactly these properties, all required."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def texts_schema(min_items: int, max_items: int) -> dict:
    return {"type": "array", "items": TEXT, "minItems": min_items, "maxItems": max_items}


def schema_errors(data: object, schema: dict) -> list[str]:
    """Why `data` does not match `schema`, one line per problem ([] when it does)."""
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: e.json_path)
    return [f"{error.json_path}: {error.message}" for error in errors]
