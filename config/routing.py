"""WebSocket routes of every app, gathered for config/asgi.py."""

from accounts.routing import websocket_urlpatterns as accounts_routes

websocket_urlpatterns = [*accounts_routes]
