from django.urls import path

from ats.views import analytics, applications, candidates, pipeline

app_name = "ats"

urlpatterns = [
    path("jobs/<int:job_id>/apply/", applications.apply_view, name="apply"),
    path("portal/applications/", applications.my_applications_view, name="my_applications"),
    path(
        "portal/applications/<uuid:application_id>/",
        applications.my_application_view,
        name="my_application",
    ),
    path("recruiter/jobs/<int:job_id>/pipeline/", pipeline.board_view, name="board"),
    path("recruiter/applications/<uuid:application_id>/move/", pipeline.move_view, name="move"),
    path("recruiter/jobs/<int:job_id>/pipeline/bulk/", pipeline.bulk_view, name="bulk"),
    path(
        "recruiter/applications/<uuid:application_id>/",
        candidates.candidate_view,
        name="candidate",
    ),
    path(
        "recruiter/applications/<uuid:application_id>/resume/",
        candidates.resume_download_view,
        name="resume",
    ),
    path(
        "recruiter/applications/<uuid:application_id>/scorecard/",
        candidates.scorecard_view,
        name="scorecard",
    ),
    path("recruiter/analytics/", analytics.analytics_view, name="analytics"),
]
