"""Durable background jobs under faults: dead workers, lost messages, a broken channel layer,
a broker down at submit. Time is moved by back-dating a row's last progress, never by sleeping.
"""

from datetime import timedelta

import kombu.exceptions
import pytest
import redis.exceptions
from django.core import mail
from django.utils import timezone

from core.background import start_embedded_scheduler
from core.durable import sweep
from core.models import OutboxStatus, OutboxTask
from resumes.models import Analysis, AnalysisStatus
from resumes.services.analysis_runs import analysis_run
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db


def stall(analysis, seconds: int) -> None:
    """Pretend the analysis last progressed `seconds` ago."""
    Analysis.objects.filter(pk=analysis.pk).update(
        updated_at=timezone.now() - timedelta(seconds=seconds)
    )


def reloaded(analysis) -> Analysis:
    return Analysis.objects.get(pk=analysis.pk)


def interrupted(status=AnalysisStatus.PARSING, attempts=1, resume=None) -> Analysis:
    """An analysis whose worker died mid-run: in progress, claimed `attempts` times."""
    return AnalysisFactory(
        resume=resume or ResumeFactory(), status=status, progress=30, attempts=attempts
    )


def test_a_redelivered_task_claims_an_analysis_whose_worker_died(settings):
    analysis = interrupted()
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS + 1)
    analysis_run(analysis_id=str(analysis.pk))
    after = reloaded(analysis)
    assert (after.status, after.progress, after.attempts) == (AnalysisStatus.COMPLETED, 100, 2)


def test_a_redelivered_task_leaves_an_analysis_that_is_still_progressing(settings):
    analysis = interrupted()
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS - 5)
    analysis_run(analysis_id=str(analysis.pk))
    after = reloaded(analysis)
    assert (after.status, after.attempts) == (AnalysisStatus.PARSING, 1)


def test_the_sweeper_requeues_an_interrupted_analysis_which_then_completes(settings):
    analysis = interrupted(attempts=1)
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS + 1)
    assert sweep()["requeued"] == 1
    after = reloaded(analysis)
    assert (after.status, after.attempts, after.error_message) == (
        AnalysisStatus.COMPLETED,
        2,
        "",
    )


def test_the_sweeper_sends_again_an_analysis_whose_message_was_lost(settings):
    analysis = AnalysisFactory(resume=ResumeFactory())
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS + 1)
    assert sweep()["resent"] == 1
    after = reloaded(analysis)
    assert (after.status, after.attempts) == (AnalysisStatus.COMPLETED, 1)


def test_the_sweeper_leaves_recent_and_finished_analyses_alone(settings):
    running = interrupted()
    stall(running, settings.JOB_STALE_AFTER_SECONDS - 5)
    done = AnalysisFactory(resume=ResumeFactory(), status=AnalysisStatus.COMPLETED)
    stall(done, settings.JOB_STALE_AFTER_SECONDS * 10)
    assert sweep() == {"resent": 0, "requeued": 0, "failed": 0}
    assert reloaded(running).status == AnalysisStatus.PARSING
    assert reloaded(done).status == AnalysisStatus.COMPLETED


def test_past_the_maximum_attempts_the_analysis_fails_with_a_readable_message(settings):
    settings.JOB_MAX_ATTEMPTS = 3
    analysis = interrupted(status=AnalysisStatus.ANALYZING, attempts=3)
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS + 1)
    assert sweep()["failed"] == 1
    after = reloaded(analysis)
    assert after.status == AnalysisStatus.FAILED
    assert after.error_message == "The analysis was interrupted 3 times; please retry."


def test_an_analysis_failed_by_the_sweeper_can_be_retried_and_completes(
    settings, candidate, candidate_client, django_capture_on_commit_callbacks
):
    settings.JOB_MAX_ATTEMPTS = 2
    analysis = interrupted(attempts=2, resume=ResumeFactory(owner=candidate))
    stall(analysis, settings.JOB_STALE_AFTER_SECONDS + 1)
    sweep()
    assert reloaded(analysis).status == AnalysisStatus.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.post(f"/api/v1/analyses/{analysis.pk}/retry")
    assert response.status_code == 202
    assert reloaded(analysis).status == AnalysisStatus.COMPLETED


def test_the_start_up_sweep_picks_up_jobs_the_last_process_left(settings):
    """In-process jobs die with the process: at start every unfinished one is taken again."""
    in_flight = interrupted()
    waiting = AnalysisFactory(resume=ResumeFactory())
    settings.BACKGROUND_TASK_MODE = "thread"
    from core import background

    ran = []
    original = background._pool.submit
    background._pool.submit = lambda fn, task, args, kwargs: ran.append(args)
    try:
        stop = start_embedded_scheduler()
    finally:
        background._pool.submit = original
    stop.set()
    assert sorted(ran) == sorted([(str(in_flight.pk),), (str(waiting.pk),)])
    assert reloaded(in_flight).status == AnalysisStatus.QUEUED


class BrokenChannelLayer:
    async def group_send(self, group, message):
        raise redis.exceptions.ConnectionError("Connection refused")


def test_a_channel_layer_failure_during_progress_does_not_fail_the_analysis(monkeypatch, caplog):
    monkeypatch.setattr("core.realtime.publish.get_channel_layer", BrokenChannelLayer)
    analysis = AnalysisFactory(resume=ResumeFactory())
    analysis_run(analysis_id=str(analysis.pk))
    assert reloaded(analysis).status == AnalysisStatus.COMPLETED
    assert "not sent" in caplog.text


def test_redis_client_errors_are_transient_for_the_analysis_task(monkeypatch):
    from resumes.services import analysis_runs as analyses
    from resumes.tasks import run_analysis

    real = analyses.analyse_resume
    calls = []

    def flaky(*args):
        calls.append(1)
        if len(calls) == 1:
            raise redis.exceptions.TimeoutError("Timeout reading from socket")
        return real(*args)

    monkeypatch.setattr(analyses, "analyse_resume", flaky)
    analysis = AnalysisFactory(resume=ResumeFactory())
    run_analysis.apply(args=[str(analysis.pk)])
    assert len(calls) == 2
    assert reloaded(analysis).status == AnalysisStatus.COMPLETED


def broker_down(monkeypatch, task):
    def refuse(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr(task, "apply_async", refuse)


@pytest.mark.django_db(transaction=True)
def test_a_broker_down_at_submit_answers_503_and_leaves_no_analysis(
    settings, monkeypatch, candidate, candidate_client
):
    from resumes.tasks import run_analysis

    settings.BACKGROUND_TASK_MODE = "celery"
    broker_down(monkeypatch, run_analysis)
    resume = ResumeFactory(owner=candidate)
    response = candidate_client.post(
        "/api/v1/analyses", {"resume_id": str(resume.pk)}, format="json"
    )
    assert response.status_code == 503
    assert response.json()["error_code"] == "queue_unavailable"
    assert int(response["Retry-After"]) > 0
    assert not Analysis.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_retry_the_broker_cannot_take_stays_failed_and_retryable(
    settings, monkeypatch, candidate, candidate_client
):
    from resumes.tasks import run_analysis

    settings.BACKGROUND_TASK_MODE = "celery"
    broker_down(monkeypatch, run_analysis)
    analysis = AnalysisFactory(
        resume=ResumeFactory(owner=candidate), status=AnalysisStatus.FAILED, error_message="x"
    )
    response = candidate_client.post(f"/api/v1/analyses/{analysis.pk}/retry")
    assert response.status_code == 503
    after = reloaded(analysis)
    assert after.status == AnalysisStatus.FAILED
    assert "job queue is unavailable" in after.error_message
    monkeypatch.undo()
    settings.BACKGROUND_TASK_MODE = "inline"
    assert candidate_client.post(f"/api/v1/analyses/{analysis.pk}/retry").status_code == 202
    assert reloaded(analysis).status == AnalysisStatus.COMPLETED


@pytest.mark.django_db(transaction=True)
def test_the_analyse_page_shows_the_queue_message_when_the_broker_is_down(
    settings, monkeypatch, client, candidate
):
    from resumes.tasks import run_analysis

    settings.BACKGROUND_TASK_MODE = "celery"
    broker_down(monkeypatch, run_analysis)
    resume = ResumeFactory(owner=candidate)
    client.force_login(candidate)
    response = client.post(f"/portal/resumes/{resume.pk}/analyse/", {})
    assert response.status_code == 200
    assert "The job queue is unavailable right now" in response.content.decode()
    assert not Analysis.objects.exists()


def test_the_openapi_schema_documents_the_503_of_the_submitting_endpoints(api_client):
    schema = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path in ("/api/v1/analyses", "/api/v1/analyses/{analysis_id}/retry"):
        documented = schema["paths"][path]["post"]["responses"]["503"]
        assert "Retry-After" in documented["headers"]
    assert "503" not in schema["paths"]["/api/v1/analyses"]["get"]["responses"]


REGISTRATION = {"email": "outbox@example.com", "password": "a-long-enough-pass", "name": "Ou Tbox"}


@pytest.mark.django_db(transaction=True)
def test_a_broker_down_when_queueing_an_email_keeps_it_for_the_sweeper(
    settings, monkeypatch, api_client
):
    from core.outbox import run_outbox_task

    settings.BACKGROUND_TASK_MODE = "celery"
    broker_down(monkeypatch, run_outbox_task)
    response = api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
    assert response.status_code == 201
    assert mail.outbox == []
    row = OutboxTask.objects.get()
    assert (row.task, row.status) == (
        "accounts.tasks.send_verification_email",
        OutboxStatus.QUEUED,
    )

    monkeypatch.undo()
    settings.BACKGROUND_TASK_MODE = "inline"
    OutboxTask.objects.update(progress_at=timezone.now() - timedelta(hours=1))
    assert sweep()["resent"] == 1
    assert [message.to for message in mail.outbox] == [["outbox@example.com"]]
    assert not OutboxTask.objects.exists()


def test_an_email_task_whose_worker_died_is_sent_again_by_the_sweeper(settings, candidate):
    row = OutboxTask.objects.create(
        task="accounts.tasks.send_welcome_email",
        args=[candidate.pk],
        status=OutboxStatus.RUNNING,
        attempts=1,
        progress_at=timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS + 1),
    )
    assert sweep()["requeued"] == 1
    assert [message.to for message in mail.outbox] == [[candidate.email]]
    assert not OutboxTask.objects.filter(pk=row.pk).exists()


def test_an_email_task_that_keeps_failing_on_the_mail_server_ends_failed(monkeypatch, candidate):
    from core.outbox import GAVE_UP, outbox_enqueue

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("accounts.tasks.send_mail", refuse)
    from accounts.tasks import send_welcome_email
    from core.outbox import run_outbox_task

    row = outbox_enqueue(send_welcome_email, candidate.pk)
    run_outbox_task.apply(args=[str(row.pk)])
    row.refresh_from_db()
    assert (row.status, row.error_message) == (OutboxStatus.FAILED, GAVE_UP)


class Ticks:
    """A stop event whose wait returns at once: `count` ticks, then stop."""

    def __init__(self, count: int):
        self.left = count

    def wait(self, seconds):
        self.left -= 1
        return self.left < 0


def test_the_embedded_timer_runs_each_periodic_task_at_its_interval(settings, monkeypatch):
    from core import background

    settings.CELERY_BEAT_SCHEDULE = {
        "sweep": {"task": "core.tasks.sweep_durable_jobs", "schedule": 60},
        "close": {"task": "jobs.tasks.close_expired_jobs", "schedule": 180},
    }
    ran = []
    monkeypatch.setattr(background, "_run_periodic", ran.append)
    background._embedded_beat(Ticks(6))
    assert ran.count("core.tasks.sweep_durable_jobs") == 6
    assert ran.count("jobs.tasks.close_expired_jobs") == 2
