from django.urls import path

from interviews.chat.consumer import ChatConsumer
from interviews.consumers import LiveInterviewConsumer

websocket_urlpatterns = [
    path("ws/ai-interview/", LiveInterviewConsumer.as_asgi()),
    path("ws/chat/", ChatConsumer.as_asgi()),
]
