from django.urls import path

from gdpr.api import erasure, export, views

urlpatterns = [
    path("gdpr/consent", views.ConsentView.as_view(), name="gdpr-consent"),
    path("gdpr/retention", views.RetentionView.as_view(), name="gdpr-retention"),
    path("gdpr/retention/purge", views.RetentionPurgeView.as_view(), name="gdpr-retention-purge"),
    path("gdpr/audit", views.AuditLogView.as_view(), name="gdpr-audit"),
    path("gdpr/requests", views.AnonymousRequestView.as_view(), name="gdpr-requests"),
    path("gdpr/audit.csv", views.AuditLogCsvView.as_view(), name="gdpr-audit-csv"),
    path("gdpr/export", export.ExportListView.as_view(), name="gdpr-exports"),
    path("gdpr/export/<uuid:export_id>", export.ExportDetailView.as_view(), name="gdpr-export"),
    path(
        "gdpr/export/<uuid:export_id>/download",
        export.ExportDownloadView.as_view(),
        name="gdpr-export-download",
    ),
    path("gdpr/delete/preview", erasure.ErasurePreviewView.as_view(), name="gdpr-delete-preview"),
    path("gdpr/delete", erasure.ErasureView.as_view(), name="gdpr-delete"),
]
