"""Durable jobs with real Celery workers on the Redis broker: a worker killed mid-task and a
lost broker message both end with the analysis completed, through the sweeper."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from core.durable import sweep
from resumes.models import Analysis, AnalysisStatus
from tests.conftest import client_for
from tests.resumes.factories import ResumeFactory

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs the Redis broker (REDIS_URL)"
    ),
    pytest.mark.django_db(transaction=True),
]

# A real worker whose parsing step waits, so it is surely mid-task when it is killed.
SLOW_WORKER = """
import os, time, django
django.setup()
from resumes.services import analysis_runs as analyses
real_parse = analyses.parse_resume
def parse_slowly(text):
    time.sleep(120)
    return real_parse(text)
analyses.parse_resume = parse_slowly
from config.celery import app
app.worker_main(["worker", "--pool", "solo", "--loglevel", "WARNING",
                 "--without-mingle", "--without-gossip"])
"""


@pytest.fixture
def celery_app(settings):
    from config.celery import app

    settings.BACKGROUND_TASK_MODE = "celery"
    app.conf.broker_url = os.environ["REDIS_URL"]
    app.control.purge()
    return app


def submit(resume) -> Analysis:
    response = client_for(resume.owner).post(
        "/api/v1/analyses", {"resume_id": str(resume.pk)}, format="json"
    )
    assert response.status_code == 202
    return Analysis.objects.get(pk=response.json()["job_id"])


def wait_for(analysis: Analysis, statuses, seconds: float = 60) -> Analysis:
    deadline = time.monotonic() + seconds
    analysis.refresh_from_db()
    while analysis.status not in statuses and time.monotonic() < deadline:
        time.sleep(0.1)
        analysis.refresh_from_db()
    return analysis


def past_the_stale_limit(analysis: Analysis, settings) -> None:
    Analysis.objects.filter(pk=analysis.pk).update(
        updated_at=timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS + 1)
    )


def worker_environment() -> dict:
    """This test run's environment, with the test database instead of the configured one."""
    database = connection.settings_dict
    credentials = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": (
            f"postgres://{credentials}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
    }


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="a worker in another process needs the PostgreSQL test database",
)
def test_a_worker_killed_mid_task_is_replaced_and_the_sweeper_requeues_its_analysis(
    celery_app, settings
):
    from celery.contrib.testing.worker import start_worker

    resume = ResumeFactory()
    worker = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SLOW_WORKER],
        cwd=ROOT,
        env=worker_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        analysis = wait_for(submit(resume), {AnalysisStatus.PARSING})
        assert analysis.status == AnalysisStatus.PARSING
    finally:
        worker.kill()
        worker.wait(timeout=30)

    assert sweep()["requeued"] == 0, "a fresh analysis is not touched"
    past_the_stale_limit(analysis, settings)
    assert sweep()["requeued"] == 1
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        analysis = wait_for(analysis, {AnalysisStatus.COMPLETED, AnalysisStatus.FAILED})
    assert (analysis.status, analysis.attempts) == (AnalysisStatus.COMPLETED, 2)
    assert analysis.result["ats_score"]["overall"] >= 0


def test_a_lost_broker_message_is_sent_again_by_the_sweeper(celery_app, settings):
    from celery.contrib.testing.worker import start_worker

    analysis = submit(ResumeFactory())
    assert celery_app.control.purge() == 1, "the message was waiting in the broker"
    past_the_stale_limit(analysis, settings)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert sweep()["resent"] == 1
        analysis = wait_for(analysis, {AnalysisStatus.COMPLETED, AnalysisStatus.FAILED})
    assert (analysis.status, analysis.attempts) == (AnalysisStatus.COMPLETED, 1)


def test_queued_analyses_waiting_behind_a_backlog_are_not_sent_twice(celery_app, settings):
    waiting = [submit(ResumeFactory()) for _ in range(2)]
    for analysis in waiting:
        past_the_stale_limit(analysis, settings)
    assert sweep()["resent"] == 0, "their messages are still in the broker"
    celery_app.control.purge()
    assert sweep()["resent"] == 2
