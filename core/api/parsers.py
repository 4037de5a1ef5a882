"""Request parsers: a malformed body is a 400, never a crash further down."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

# No request of ours nests deeper; a deeper body is an attack or a mistake, and walking it
# (validation, error reports, encryption) could recurse past Python's stack limit.
MAX_JSON_DEPTH = 64
TOO_DEEP = f"JSON parse error - nested deeper than {MAX_JSON_DEPTH} levels."


def json_depth(value) -> int:
    """How deep lists and objects nest in a parsed JSON value, counted without recursion."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in children)
    return deepest


class JSONBody(dict):
    """A JSON object read from a request body: its values carry JSON types, so a field can
    tell `true` from "true" (a query string or form has text only)."""


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested past MAX_JSON_DEPTH: on a thousand `[` the
    decoder raises RecursionError, which DRF does not treat as a parse error."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(TOO_DEEP) from exc
        if json_depth(data) > MAX_JSON_DEPTH:
            raise ParseError(TOO_DEEP)
        return JSONBody(data) if isinstance(data, dict) else data
