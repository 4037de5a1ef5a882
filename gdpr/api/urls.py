from django.urls import path

from gdpr.api import views

urlpatterns = [
    path("gdpr/consent", views.ConsentView.as_view(), name="gdpr-consent"),
    path("gdpr/retention", views.RetentionView.as_view(), name="gdpr-retention"),
    path("gdpr/retention/purge", views.RetentionPurgeView.as_view(), name="gdpr-retention-purge"),
    path("gdpr/audit", views.AuditLogView.as_view(), name="gdpr-audit"),
    path("gdpr/requests", views.AnonymousRequestView.as_view(), name="gdpr-requests"),
    path("gdpr/audit.csv", views.AuditLogCsvView.as_view(), name="gdpr-audit-csv"),
]
