from rest_framework.metadata import SimpleMetadata


class EndpointMetadata(SimpleMetadata):
    """`OPTIONS` names the endpoint and the formats it speaks; its fields are in the OpenAPI
    schema. DRF's default would also describe them by running the view's object lookup,
    which our views (no `queryset`) do not have: that was a 500 on every detail path."""

    def determine_actions(self, request, view):
        return {}
