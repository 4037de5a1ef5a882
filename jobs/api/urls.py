from django.urls import path

from jobs.api import imports, insights, matching, views

app_name = "jobs-api"

urlpatterns = [
    path("jobs", views.JobListCreateView.as_view(), name="list"),
    path("jobs/search", views.JobSearchView.as_view(), name="search"),
    path("jobs/saved", views.SavedJobListView.as_view(), name="saved"),
    path("jobs/import", imports.JobImportView.as_view(), name="import"),
    path("jobs/match", matching.JobMatchView.as_view(), name="match"),
    path("jobs/compatibility", matching.JobCompatibilityView.as_view(), name="compatibility"),
    path("jobs/insights", insights.JobInsightsView.as_view(), name="insights"),
    path("jobs/<int:pk>", views.JobDetailView.as_view(), name="detail"),
    path("jobs/<int:pk>/save", views.JobSaveView.as_view(), name="save"),
]
