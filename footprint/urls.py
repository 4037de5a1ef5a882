from django.urls import path

from footprint import views

app_name = "footprint"

urlpatterns = [
    path("portal/footprint/", views.footprint_view, name="index"),
    path("portal/footprint/scan/", views.scan_start_view, name="start"),
    path("portal/footprint/sharing/", views.sharing_view, name="sharing"),
    path("portal/footprint/compare/", views.compare_view, name="compare"),
    path("portal/footprint/<uuid:scan_id>/", views.scan_view, name="scan"),
    path("portal/footprint/<uuid:scan_id>/status.json", views.scan_status_view, name="status"),
    path("portal/footprint/<uuid:scan_id>/skills/", views.skills_add_view, name="skills"),
    path("portal/footprint/<uuid:scan_id>/delete/", views.scan_delete_view, name="delete"),
]
