from django.urls import path

from resumes import views

app_name = "resumes"

urlpatterns = [
    path("portal/resumes/", views.resume_list_view, name="list"),
    path("portal/resumes/templates/", views.template_list_view, name="templates"),
    path(
        "portal/resumes/templates/<slug:template_id>/sample.<str:fmt>",
        views.template_sample_view,
        name="template_sample",
    ),
    path("portal/resumes/<uuid:resume_id>/", views.resume_detail_view, name="detail"),
    path("portal/resumes/<uuid:resume_id>/download/", views.resume_download_view, name="download"),
    path("portal/resumes/<uuid:resume_id>/delete/", views.resume_delete_view, name="delete"),
    path("portal/resumes/<uuid:resume_id>/analyse/", views.analyse_view, name="analyse"),
    path("portal/resumes/<uuid:resume_id>/enhance/", views.enhance_view, name="enhance"),
    path("portal/analyses/<uuid:analysis_id>/", views.analysis_view, name="analysis"),
    path(
        "portal/analyses/<uuid:analysis_id>/status.json",
        views.analysis_status_view,
        name="analysis_status",
    ),
    path(
        "portal/analyses/<uuid:analysis_id>/retry/",
        views.analysis_retry_view,
        name="analysis_retry",
    ),
    path(
        "portal/analyses/<uuid:analysis_id>/delete/",
        views.analysis_delete_view,
        name="analysis_delete",
    ),
    path(
        "portal/analyses/<uuid:analysis_id>/export.<str:fmt>",
        views.analysis_export_view,
        name="analysis_export",
    ),
    path(
        "portal/enhancements/<uuid:enhancement_id>/",
        views.enhancement_view,
        name="enhancement",
    ),
    path(
        "portal/enhancements/<uuid:enhancement_id>/download/",
        views.enhancement_download_view,
        name="enhancement_download",
    ),
    path("portal/cover-letters/", views.cover_letter_list_view, name="cover_letters"),
    path(
        "portal/cover-letters/<uuid:letter_id>/",
        views.cover_letter_view,
        name="cover_letter",
    ),
    path(
        "portal/cover-letters/<uuid:letter_id>/letter.<str:fmt>",
        views.cover_letter_download_view,
        name="cover_letter_download",
    ),
    path(
        "portal/cover-letters/<uuid:letter_id>/delete/",
        views.cover_letter_delete_view,
        name="cover_letter_delete",
    ),
]
