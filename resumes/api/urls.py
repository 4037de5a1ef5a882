from django.urls import path

from resumes.api import views

urlpatterns = [
    path("resumes", views.ResumeListView.as_view(), name="resume-list"),
    path("resumes/upload", views.ResumeUploadView.as_view(), name="resume-upload"),
    path("resumes/templates", views.TemplateListView.as_view(), name="resume-templates"),
    path(
        "resumes/templates/<slug:template_id>/download",
        views.TemplateDownloadView.as_view(),
        name="resume-template-download",
    ),
    path("resumes/enhance", views.EnhanceView.as_view(), name="resume-enhance"),
    path(
        "resumes/enhancements/<uuid:enhancement_id>",
        views.EnhancementDetailView.as_view(),
        name="resume-enhancement",
    ),
    path(
        "resumes/enhancements/<uuid:enhancement_id>/decisions",
        views.EnhancementDecisionsView.as_view(),
        name="resume-enhancement-decisions",
    ),
    path(
        "resumes/generate-cover-letter",
        views.CoverLetterGenerateView.as_view(),
        name="cover-letter-generate",
    ),
    path("resumes/cover-letters", views.CoverLetterListView.as_view(), name="cover-letter-list"),
    path(
        "resumes/cover-letters/<uuid:letter_id>",
        views.CoverLetterDetailView.as_view(),
        name="cover-letter-detail",
    ),
    path(
        "resumes/cover-letters/<uuid:letter_id>/download",
        views.CoverLetterDownloadView.as_view(),
        name="cover-letter-download",
    ),
    path("resumes/<uuid:resume_id>", views.ResumeDetailView.as_view(), name="resume-detail"),
    path(
        "resumes/<uuid:resume_id>/download",
        views.ResumeDownloadView.as_view(),
        name="resume-download",
    ),
    path(
        "resumes/<uuid:resume_id>/download-enhanced",
        views.DownloadEnhancedView.as_view(),
        name="resume-download-enhanced",
    ),
    path("analyses", views.AnalysisListView.as_view(), name="analysis-list"),
    path("analyses/<uuid:analysis_id>", views.AnalysisDetailView.as_view(), name="analysis-detail"),
    path(
        "analyses/<uuid:analysis_id>/retry",
        views.AnalysisRetryView.as_view(),
        name="analysis-retry",
    ),
    path(
        "analyses/<uuid:analysis_id>/export",
        views.AnalysisExportView.as_view(),
        name="analysis-export",
    ),
]
