from django.urls import path

from footprint.api import views

urlpatterns = [
    path("footprint/scan", views.ScanView.as_view(), name="footprint-scan"),
    path("footprint/history", views.ScanHistoryView.as_view(), name="footprint-history"),
    path("footprint/sharing", views.SharingView.as_view(), name="footprint-sharing"),
    path(
        "footprint/recommendations/<uuid:scan_id>",
        views.RecommendationsView.as_view(),
        name="footprint-recommendations",
    ),
    path(
        "footprint/compare/<uuid:first_id>/<uuid:second_id>",
        views.CompareView.as_view(),
        name="footprint-compare",
    ),
    path("footprint/<uuid:scan_id>", views.ScanDetailView.as_view(), name="footprint-detail"),
    path("footprint/<uuid:scan_id>/skills", views.SkillsView.as_view(), name="footprint-skills"),
]
