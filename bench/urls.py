"""The project's URLs plus `bench/bare`: the floor of what a DRF view costs on this server."""

from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from config import urls as project_urls


class BareView(APIView):
    """No authentication, no permission check, no database: DRF and the middleware only."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


urlpatterns = [
    *project_urls.urlpatterns,
    path("bench/bare", BareView.as_view(), name="bench-bare"),
]

# Error handlers are read from the root URLconf, so keep the project's.
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
