"""ASGI entry point: Django for HTTP, Channels for WebSockets.

The session middleware puts a signed-in page's user in `scope["user"]`; tokens (query,
header or in-band) are checked by the realtime layer's base consumer (core/realtime/).
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from core.background import StartsEmbeddedScheduler  # noqa: E402

application = StartsEmbeddedScheduler(
    ProtocolTypeRouter(
        {
            "http": django_asgi_app,
            "websocket": AllowedHostsOriginValidator(
                AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
            ),
        }
    )
)
