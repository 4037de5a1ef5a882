"""The analysis progress socket and a real worker on the Redis broker."""

import os
import time

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from accounts.tokens import token_pair
from config.asgi import application
from resumes.models import Analysis, AnalysisStatus
from resumes.services.analysis_runs import analysis_run
from tests.accounts.factories import CandidateFactory
from tests.resumes.factories import JOB_DESCRIPTION, AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]


async def socket_for(analysis_id, user) -> WebsocketCommunicator:
    token = (await database_sync_to_async(token_pair)(user))["access_token"]
    return WebsocketCommunicator(
        application, f"/ws/analyses/{analysis_id}/?token={token}", headers=ORIGIN
    )


@pytest.fixture
def queued_analysis():
    return AnalysisFactory(resume=ResumeFactory())


async def test_the_socket_streams_every_step_until_completed(queued_analysis):
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    connected, _ = await socket.connect()
    assert connected
    first = await socket.receive_json_from()
    assert first == {
        "job_id": str(queued_analysis.pk),
        "state": "queued",
        "progress": 0,
        "message": "",
    }

    await database_sync_to_async(analysis_run)(analysis_id=str(queued_analysis.pk))

    steps = [await socket.receive_json_from(timeout=5) for _ in range(5)]
    assert [(step["state"], step["progress"]) for step in steps] == [
        ("extracting_text", 10),
        ("parsing", 30),
        ("generating_embeddings", 50),
        ("analyzing", 70),
        ("completed", 100),
    ]
    assert all(step["message"] for step in steps)
    assert (await socket.receive_output(timeout=1))["type"] == "websocket.close"


async def test_a_late_client_first_gets_the_current_state(queued_analysis):
    await database_sync_to_async(analysis_run)(analysis_id=str(queued_analysis.pk))
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    connected, _ = await socket.connect()
    assert connected
    message = await socket.receive_json_from()
    assert (message["state"], message["progress"]) == ("completed", 100)
    assert (await socket.receive_output(timeout=1))["type"] == "websocket.close"
    await socket.disconnect()


async def test_a_failed_analysis_sends_its_error_message(queued_analysis):
    await database_sync_to_async(Analysis.objects.filter(pk=queued_analysis.pk).update)(
        status=AnalysisStatus.FAILED, progress=30, error_message="No readable text."
    )
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    await socket.connect()
    message = await socket.receive_json_from()
    assert message == {
        "job_id": str(queued_analysis.pk),
        "state": "failed",
        "progress": 30,
        "message": "No readable text.",
    }
    await socket.disconnect()


async def test_another_users_analysis_socket_is_refused(queued_analysis):
    outsider = await database_sync_to_async(CandidateFactory)()
    socket = await socket_for(queued_analysis.pk, outsider)
    connected, code = await socket.connect()
    assert not connected
    assert code == 4404
    await socket.disconnect()


async def test_an_anonymous_socket_is_refused(queued_analysis):
    socket = WebsocketCommunicator(
        application, f"/ws/analyses/{queued_analysis.pk}/", headers=ORIGIN
    )
    connected, code = await socket.connect()
    assert not connected
    assert code == 4401


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the Redis broker (REDIS_URL)")
def test_a_real_celery_worker_completes_an_analysis(settings):
    from celery.contrib.testing.worker import start_worker

    from config.celery import app
    from tests.conftest import client_for

    settings.BACKGROUND_TASK_MODE = "celery"
    app.conf.broker_url = os.environ["REDIS_URL"]
    resume = ResumeFactory()
    client = client_for(resume.owner)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        response = client.post(
            "/api/v1/analyses",
            {"resume_id": str(resume.pk), "job_description": JOB_DESCRIPTION},
            format="json",
        )
        assert response.status_code == 202
        analysis = Analysis.objects.get(pk=response.json()["job_id"])
        deadline = time.monotonic() + 30
        while analysis.status != AnalysisStatus.COMPLETED and time.monotonic() < deadline:
            time.sleep(0.1)
            analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.COMPLETED
    assert analysis.result["skill_match_analysis"]["matched_skills"]
