from django.urls import path

from interviews.video import api

app_name = "video-api"

urlpatterns = [
    path("video/meetings", api.MeetingListView.as_view(), name="meetings"),
    path("video/meetings/<uuid:meeting_id>", api.MeetingDetailView.as_view(), name="meeting"),
    path("video/recordings", api.RecordingListView.as_view(), name="recordings"),
    path("video/zoom/webhook", api.ZoomWebhookView.as_view(), name="zoom-webhook"),
]
