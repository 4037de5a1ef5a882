from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)

from core.api_docs import redoc_bundle_view
from core.views import api_not_found

api_v1 = [
    path("", include("core.api.urls")),
    path("", include("accounts.api.urls")),
    path("", include("resumes.api.urls")),
    path("", include("jobs.api.urls")),
    path("", include("ats.api.urls")),
    path("", include("interviews.api.urls")),
    path("", include("gdpr.api.urls")),
    path("", include("footprint.api.urls")),
    path("", include("interviews.video.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]

urlpatterns = [
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("", include("resumes.urls")),
    path("", include("jobs.urls")),
    path("", include("ats.urls")),
    path("", include("interviews.urls")),
    path("", include("gdpr.urls")),
    path("", include("footprint.urls")),
    path("", include("interviews.video.urls")),
    path("api/v1/", include(api_v1)),
    re_path(r"^api/", api_not_found),
    # The split view serves Swagger UI's start-up script as a file, as our CSP requires.
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("redoc/redoc.standalone.js", redoc_bundle_view, name="redoc-bundle"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Hirewise administration"
admin.site.site_title = "Hirewise administration"
admin.site.index_title = "Site administration"

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
