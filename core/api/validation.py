from rest_framework import serializers

# The largest value a BIGINT column holds (PostgreSQL and SQLite alike). A larger id cannot
# name a row, and the database drivers refuse it outright instead of finding nothing.
MAX_DB_INTEGER = 2**63 - 1


def validated(serializer_class, data, **kwargs) -> dict:
    """Validate request data with a serializer; invalid input raises the 400 error body."""
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class IdField(serializers.IntegerField):
    """A row id from a query string or body: a whole number from 1 to the BIGINT maximum."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_DB_INTEGER)
        super().__init__(**kwargs)
