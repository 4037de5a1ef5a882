from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from jobs.models import JobStatus
from jobs.tasks import close_expired_jobs
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_the_periodic_task_closes_expired_jobs():
    job = JobFactory(end_date=timezone.now() - timedelta(minutes=5))
    assert close_expired_jobs.apply().get() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED


def test_the_task_is_scheduled_under_its_name():
    entry = settings.CELERY_BEAT_SCHEDULE["close-expired-jobs"]
    assert entry["task"] == close_expired_jobs.name == "jobs.tasks.close_expired_jobs"
