"""Best-effort publishing: a channel-layer failure is logged and reported, never raised."""

import logging
from unittest import mock

import pytest
from channels.layers import get_channel_layer
from redis.exceptions import ConnectionError as RedisConnectionError

from core.realtime.groups import group_name, user_group
from core.realtime.publish import RELAY_EVENT, apublish, publish


def test_group_names_name_the_kind_and_the_object():
    assert group_name("analysis", "3f2c") == "analysis.3f2c"
    assert user_group(42) == "user.42"


async def test_a_published_payload_reaches_the_group():
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("analysis.test-reach", channel)

    assert await apublish("analysis.test-reach", {"progress": 10}) is True

    assert await layer.receive(channel) == {"type": RELAY_EVENT, "payload": {"progress": 10}}
    await layer.group_discard("analysis.test-reach", channel)


def test_a_channel_layer_failure_is_logged_and_swallowed(caplog):
    broken = mock.Mock(group_send=mock.AsyncMock(side_effect=RedisConnectionError("refused")))

    with (
        mock.patch("core.realtime.publish.get_channel_layer", return_value=broken),
        caplog.at_level(logging.ERROR, logger="core.realtime.publish"),
    ):
        assert publish("user.1", {"type": "stage_changed"}) is False

    assert "user.1" in caplog.text
    assert "refused" in caplog.text


def test_no_channel_layer_is_reported_not_raised(caplog):
    with (
        mock.patch("core.realtime.publish.get_channel_layer", return_value=None),
        caplog.at_level(logging.WARNING, logger="core.realtime.publish"),
    ):
        assert publish("user.1", {"type": "stage_changed"}) is False

    assert "No channel layer" in caplog.text


@pytest.mark.django_db
def test_a_failed_progress_publish_does_not_fail_the_analysis():
    from resumes.models import AnalysisStatus
    from resumes.services.analysis_runs import analysis_run
    from tests.resumes.factories import AnalysisFactory, ResumeFactory

    analysis = AnalysisFactory(resume=ResumeFactory())
    broken = mock.Mock(group_send=mock.AsyncMock(side_effect=RedisConnectionError("refused")))

    with mock.patch("core.realtime.publish.get_channel_layer", return_value=broken):
        analysis_run(analysis_id=str(analysis.pk))

    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.COMPLETED
    assert broken.group_send.await_count >= 5
