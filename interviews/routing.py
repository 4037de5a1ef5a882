from django.urls import path

from interviews.consumers import LiveInterviewConsumer

websocket_urlpatterns = [path("ws/ai-interview/", LiveInterviewConsumer.as_asgi())]
