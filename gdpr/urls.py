from django.urls import path

from gdpr import data_rights_views, views

app_name = "gdpr"

urlpatterns = [
    path("privacy/", views.privacy_centre_view, name="privacy_centre"),
    path("privacy/consent", views.consent_view, name="consent"),
    path("privacy/admin/retention", views.retention_admin_view, name="retention_admin"),
    path("privacy/admin/audit", views.audit_admin_view, name="audit_admin"),
    path("privacy/admin/audit.csv", views.audit_csv_admin_view, name="audit_csv_admin"),
    path("privacy/admin/requests", views.requests_admin_view, name="requests_admin"),
    path("privacy/request/", views.anonymous_request_view, name="anonymous_request"),
    path(
        "privacy/request/confirm/<str:token>",
        views.confirm_request_view,
        name="confirm_request",
    ),
    path("privacy/export", data_rights_views.export_request_view, name="export_request"),
    path(
        "privacy/export/<uuid:export_id>/download",
        data_rights_views.export_download_view,
        name="export_download",
    ),
    path("privacy/delete", data_rights_views.erasure_view, name="erasure"),
]
