"""WebSocket routes of every app, gathered for config/asgi.py."""

from accounts.routing import websocket_urlpatterns as accounts_routes
from interviews.routing import websocket_urlpatterns as interviews_routes
from resumes.routing import websocket_urlpatterns as resumes_routes

websocket_urlpatterns = [*accounts_routes, *resumes_routes, *interviews_routes]
