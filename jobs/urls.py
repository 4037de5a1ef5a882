from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("jobs/", views.job_board_view, name="board"),
    path("jobs/insights/", views.insights_view, name="insights"),
    path("jobs/<int:job_id>/save/", views.job_save_view, name="save"),
    path("jobs/<int:job_id>/unsave/", views.job_unsave_view, name="unsave"),
    path("j/<str:short_code>", views.job_share_view, name="share"),
    path("portal/matches/", views.matches_view, name="matches"),
    path("portal/matches/<int:job_id>/", views.compatibility_view, name="compatibility"),
    path("portal/saved-jobs/", views.saved_jobs_view, name="saved"),
    path("recruiter/jobs/", views.manage_jobs_view, name="manage"),
    path("recruiter/jobs/new", views.job_create_view, name="create"),
    path("recruiter/jobs/<int:job_id>/edit", views.job_edit_view, name="edit"),
    path("recruiter/jobs/<int:job_id>/status", views.job_status_view, name="status"),
    path("recruiter/jobs/<int:job_id>/delete", views.job_delete_view, name="delete"),
]
