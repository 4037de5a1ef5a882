from django.urls import path

from resumes.consumers import AnalysisProgressConsumer

websocket_urlpatterns = [
    path("ws/analyses/<uuid:analysis_id>/", AnalysisProgressConsumer.as_asgi()),
]
