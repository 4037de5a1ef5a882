from django.core.paginator import InvalidPage
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

MAX_PAGE_SIZE = 100


def _whole_number(raw, name: str, *, maximum: int | None = None) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if maximum is not None and not 1 <= value <= maximum:
        raise exceptions.ValidationError({name: [f"Must be a whole number from 1 to {maximum}."]})
    if value < 1:
        raise exceptions.ValidationError({name: ["Must be a whole number of at least 1."]})
    return value


class PagePagination(PageNumberPagination):
    """`?page=&page_size=` → `{items, total, page, page_size, total_pages}`."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def raw_param(self, request, name: str):
        """Where `page` and `page_size` are read from: the query string."""
        return request.query_params.get(name)

    def get_page_size(self, request):
        raw = self.raw_param(request, self.page_size_query_param)
        if raw in (None, ""):  # sent empty counts as not sent, as for every parameter
            return self.page_size
        return _whole_number(raw, self.page_size_query_param, maximum=self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = self.raw_param(request, self.page_query_param)
        return 1 if raw in (None, "") else _whole_number(raw, self.page_query_param)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(number)
        except InvalidPage as exc:
            raise exceptions.NotFound(f"Page {number} does not exist.") from exc
        return list(self.page)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "items": data,
                "total": paginator.count,
                "page": self.page.number,
                "page_size": paginator.per_page,
                "total_pages": paginator.num_pages if paginator.count else 0,
            }
        )

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number; past the last page is a 404.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Items per page (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]

    def get_paginated_response_schema(self, schema):
        integer = {"type": "integer"}
        return {
            "type": "object",
            "required": ["items", "total", "page", "page_size", "total_pages"],
            "properties": {
                "items": schema,
                "total": integer,
                "page": integer,
                "page_size": integer,
                "total_pages": integer,
            },
        }
