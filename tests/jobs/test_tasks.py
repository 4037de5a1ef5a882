import os
import time
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


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the Redis broker (REDIS_URL)")
def test_a_real_celery_worker_closes_expired_jobs_sent_through_the_broker():
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.conf.broker_url = os.environ["REDIS_URL"]
    expired = JobFactory(end_date=timezone.now() - timedelta(minutes=5))
    current = JobFactory(end_date=timezone.now() + timedelta(days=5))
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        close_expired_jobs.apply_async()
        deadline = time.monotonic() + 30
        while expired.status != JobStatus.CLOSED and time.monotonic() < deadline:
            time.sleep(0.1)
            expired.refresh_from_db()
    current.refresh_from_db()
    assert expired.status == JobStatus.CLOSED
    assert current.status == JobStatus.OPEN
