"""The Celery application. Workers run `celery -A config worker`; see README, "Scale out"."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("hirewise")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
