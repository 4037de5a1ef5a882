"""Settings for benchmarks: the project's settings, quiet, with a bare DRF view routed in."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
# Thousands of requests from one address would otherwise trip the login/register limits.
RATELIMIT_ENABLE = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
