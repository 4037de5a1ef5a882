from django.urls import path

from interviews.video import views

app_name = "video"

urlpatterns = [
    path("recruiter/meetings/", views.meetings_view, name="meetings"),
    path(
        "recruiter/applications/<uuid:application_id>/meetings/new/",
        views.schedule_view,
        name="schedule",
    ),
    path("recruiter/meetings/<uuid:meeting_id>/edit/", views.reschedule_view, name="reschedule"),
    path("recruiter/meetings/<uuid:meeting_id>/cancel/", views.cancel_view, name="cancel"),
    path("portal/interviews/", views.my_meetings_view, name="my_meetings"),
]
