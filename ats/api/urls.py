from django.urls import path

from ats.api import analytics, applications, candidates, pipeline

app_name = "ats-api"

urlpatterns = [
    path("jobs/stats", analytics.JobStatsView.as_view(), name="job-stats"),
    path("jobs/<int:job_id>/apply", applications.ApplyView.as_view(), name="apply"),
    path(
        "jobs/<int:job_id>/applications",
        applications.JobApplicationsView.as_view(),
        name="job-applications",
    ),
    path(
        "jobs/<int:job_id>/application-status",
        applications.ApplicationStatusView.as_view(),
        name="application-status",
    ),
    path("applications", applications.ApplicationListView.as_view(), name="applications"),
    path(
        "applications/<uuid:application_id>",
        applications.ApplicationDetailView.as_view(),
        name="application",
    ),
    path(
        "applications/<uuid:application_id>/resume",
        applications.ApplicationResumeView.as_view(),
        name="application-resume",
    ),
    path("ats/pipeline", pipeline.PipelineView.as_view(), name="pipeline"),
    path("ats/move-stage", pipeline.MoveStageView.as_view(), name="move-stage"),
    path("ats/bulk-move", pipeline.BulkMoveView.as_view(), name="bulk-move"),
    path("ats/bulk-reject", pipeline.BulkRejectView.as_view(), name="bulk-reject"),
    path("ats/candidates", candidates.CandidateListView.as_view(), name="candidates"),
    path(
        "ats/candidates/matching",
        candidates.CandidateMatchingView.as_view(),
        name="candidates-matching",
    ),
    path(
        "ats/candidates/<uuid:application_id>",
        candidates.CandidateDetailView.as_view(),
        name="candidate",
    ),
    path("ats/feedback", candidates.FeedbackView.as_view(), name="feedback"),
    path("ats/analytics", analytics.AnalyticsView.as_view(), name="analytics"),
]
