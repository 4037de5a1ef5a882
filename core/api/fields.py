"""JSON values keep their types.

DRF's fields convert what they are given: a text field keeps a number's digits
(`"phone": 0` becomes "0"), a boolean field takes "yes" or 1, an integer field "5". The schema
says `string`, `boolean`, `integer` and `number`, and a client sending the wrong type has made a
mistake, so fields refuse it instead. Text fields refuse anything but a string everywhere
(query strings and forms are text anyway); booleans and numbers are strict in a JSON body
only, since in a query string or form every value is text.
"""

from rest_framework import fields

from core.api.parsers import JSONBody

_char = fields.CharField.to_internal_value
_boolean = fields.BooleanField.to_internal_value
_integer = fields.IntegerField.to_internal_value
_float = fields.FloatField.to_internal_value


def in_json_body(field) -> bool:
    """Did the field's value come from a JSON request body (not a query string or form)?"""
    return isinstance(getattr(field.root, "initial_data", None), JSONBody)


def _text_only(self, data):
    if not isinstance(data, str):
        self.fail("invalid")
    return _char(self, data)


def _json_boolean(self, data):
    if not isinstance(data, bool) and in_json_body(self):
        self.fail("invalid", input=data)
    return _boolean(self, data)


def _json_integer(self, data):
    if (isinstance(data, bool) or not isinstance(data, int | float)) and in_json_body(self):
        self.fail("invalid")
    return _integer(self, data)


def _json_float(self, data):
    if (isinstance(data, bool) or not isinstance(data, int | float)) and in_json_body(self):
        self.fail("invalid")
    return _float(self, data)


def keep_json_types() -> None:
    fields.CharField.to_internal_value = _text_only
    fields.BooleanField.to_internal_value = _json_boolean
    fields.IntegerField.to_internal_value = _json_integer
    fields.FloatField.to_internal_value = _json_float
