import os
import time

import pytest
from django.core import mail

from tests.accounts.factories import CandidateFactory

REGISTRATION = {"email": "bg@example.com", "password": "a-long-enough-pass", "name": "Bee Gee"}


def wait_for_mail(count: int, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_embedded_mode_runs_tasks_in_a_background_thread(api_client, settings):
    settings.BACKGROUND_TASK_MODE = "thread"
    response = api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
    assert response.status_code == 201
    wait_for_mail(1)
    assert [message.to for message in mail.outbox] == [["bg@example.com"]]


@pytest.mark.django_db
def test_a_task_for_a_deleted_user_returns_quietly():
    from accounts.tasks import send_welcome_email

    user = CandidateFactory()
    user_id = user.pk
    user.delete()
    send_welcome_email.apply(args=[user_id], throw=True)
    assert mail.outbox == []


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the Redis broker (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_real_celery_worker_runs_tasks_from_the_redis_broker(api_client, settings):
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    settings.BACKGROUND_TASK_MODE = "celery"
    app.conf.broker_url = os.environ["REDIS_URL"]
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        response = api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
        assert response.status_code == 201
        wait_for_mail(1)
    assert [message.to for message in mail.outbox] == [["bg@example.com"]]
