"""The analysis progress socket and a real worker on the Redis broker."""

import os
import time
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from accounts.tokens import token_pair
from core.realtime.publish import apublish
from resumes.models import Analysis, AnalysisStatus
from resumes.progress import analysis_group
from resumes.services.analysis_runs import analysis_run
from tests.accounts.factories import CandidateFactory
from tests.resumes.factories import JOB_DESCRIPTION, AnalysisFactory, ResumeFactory
from tests.sockets import WAIT, refused, socket_to

pytestmark = pytest.mark.django_db(transaction=True)


async def socket_for(analysis_id, user) -> WebsocketCommunicator:
    token = (await database_sync_to_async(token_pair)(user))["access_token"]
    return socket_to(f"/ws/analyses/{analysis_id}/?token={token}")


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

    steps = [await socket.receive_json_from(timeout=WAIT) for _ in range(5)]
    assert [(step["state"], step["progress"]) for step in steps] == [
        ("extracting_text", 10),
        ("parsing", 30),
        ("generating_embeddings", 50),
        ("analyzing", 70),
        ("completed", 100),
    ]
    assert all(step["message"] for step in steps)
    assert (await socket.receive_output(timeout=WAIT))["type"] == "websocket.close"
    await socket.disconnect()


async def test_a_late_client_first_gets_the_current_state(queued_analysis):
    await database_sync_to_async(analysis_run)(analysis_id=str(queued_analysis.pk))
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    connected, _ = await socket.connect()
    assert connected
    message = await socket.receive_json_from()
    assert (message["state"], message["progress"]) == ("completed", 100)
    assert (await socket.receive_output(timeout=WAIT))["type"] == "websocket.close"
    await socket.disconnect()


async def test_nothing_is_sent_after_the_socket_closed(queued_analysis):
    """A step still delivered by the group after the final state must not become a
    `websocket.send` after `websocket.close` (the server logs that as an error)."""
    await database_sync_to_async(analysis_run)(analysis_id=str(queued_analysis.pk))
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    await socket.connect()
    assert (await socket.receive_json_from())["state"] == "completed"
    assert (await socket.receive_output(timeout=WAIT))["type"] == "websocket.close"

    final = {"job_id": str(queued_analysis.pk), "state": "completed", "progress": 100}
    await apublish(analysis_group(queued_analysis.pk), {**final, "message": "again"})

    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_step_older_than_the_one_sent_is_dropped(queued_analysis):
    await database_sync_to_async(Analysis.objects.filter(pk=queued_analysis.pk).update)(
        status=AnalysisStatus.ANALYZING, progress=70, current_step="Scoring"
    )
    socket = await socket_for(queued_analysis.pk, queued_analysis.owner)
    await socket.connect()
    assert (await socket.receive_json_from())["progress"] == 70
    group = analysis_group(queued_analysis.pk)
    step = {"job_id": str(queued_analysis.pk), "message": ""}

    await apublish(group, {**step, "state": "parsing", "progress": 30})
    await apublish(group, {**step, "state": "completed", "progress": 100})

    assert (await socket.receive_json_from(timeout=WAIT))["state"] == "completed"
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
    connected, _ = await socket.connect()
    assert connected  # accepted first, so the client sees the close code

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("not_found", 4404)
    await socket.disconnect()


async def test_an_analysis_that_does_not_exist_is_refused_with_4404(queued_analysis):
    socket = await socket_for(uuid.uuid4(), queued_analysis.owner)
    await socket.connect()

    _, code = await refused(socket)

    assert code == 4404
    await socket.disconnect()


async def test_an_anonymous_socket_is_refused_at_its_first_message(queued_analysis):
    socket = socket_to(f"/ws/analyses/{queued_analysis.pk}/")
    await socket.connect()
    await socket.send_json_to({"type": "ping"})

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)
    await socket.disconnect()


async def test_the_token_may_come_in_a_first_auth_message(queued_analysis):
    token = (await database_sync_to_async(token_pair)(queued_analysis.owner))["access_token"]
    socket = socket_to(f"/ws/analyses/{queued_analysis.pk}/")
    await socket.connect()

    await socket.send_json_to({"type": "auth", "token": token})

    assert (await socket.receive_json_from(timeout=WAIT))["state"] == "queued"
    await socket.disconnect()


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
