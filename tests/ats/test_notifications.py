"""The candidate hears about the moves that concern them: an email after the commit (and a
socket notification when they have an account); never the recruiters' notes."""

from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from accounts.models import Notification
from ats import notifications
from ats.models import Application, StageChange
from ats.services.pipeline import (
    application_move_stage,
    applications_bulk_move,
    applications_bulk_reject,
)
from ats.stages import CANDIDATE_NOTIFIED, Stage
from ats.tasks import send_stage_email
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

# A stage each notified stage can be reached from.
REACHED_FROM = {
    Stage.INTERVIEW_SCHEDULED: Stage.UNDER_REVIEW,
    Stage.OFFER: Stage.INTERVIEWED,
    Stage.HIRED: Stage.OFFER,
    Stage.REJECTED: Stage.APPLIED,
}
SUBJECTS = {
    Stage.INTERVIEW_SCHEDULED: "Interview invitation: Data Engineer at Northwind",
    Stage.OFFER: "An offer for Data Engineer at Northwind",
    Stage.HIRED: "Welcome aboard: Data Engineer at Northwind",
    Stage.REJECTED: "Your application for Data Engineer at Northwind",
}


@pytest.fixture
def job():
    return JobFactory(title="Data Engineer", company="Northwind")


@pytest.fixture
def pushed():
    with mock.patch("accounts.notifications.notify_user") as notify:
        yield notify


def _move(application, to_stage, capture, note="Internal: salary too high"):
    with capture(execute=True):
        application_move_stage(
            application=application, to_stage=to_stage, actor=application.job.owner, note=note
        )


def test_the_notified_stages_are_the_ones_that_concern_the_candidate():
    assert set(CANDIDATE_NOTIFIED) == set(REACHED_FROM)


@pytest.mark.parametrize("stage", list(REACHED_FROM), ids=str)
def test_a_registered_candidate_is_emailed_on_a_move_that_concerns_them(
    job, stage, django_capture_on_commit_callbacks, pushed, settings
):
    settings.SITE_URL = "https://hirewise.example"
    application = ApplicationFactory(job=job, stage=REACHED_FROM[stage])

    _move(application, stage, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [application.candidate.email]
    assert email.subject == SUBJECTS[stage]
    assert "Data Engineer" in email.body and "Northwind" in email.body
    assert email.body.startswith(f"Hello {application.candidate.name},")
    link = f"https://hirewise.example/portal/applications/{application.pk}/"
    assert link in email.body
    assert "salary" not in email.body  # the recruiter's note stays internal
    assert email.alternatives == []  # plain text
    pushed.assert_called_once()
    kwargs = pushed.call_args.kwargs
    assert kwargs["user_id"] == application.candidate_id
    [kept] = Notification.objects.filter(user_id=application.candidate_id)
    assert (kept.text, kept.url, kept.read_at) == (
        SUBJECTS[stage],
        f"/portal/applications/{application.pk}/",
        None,
    )
    assert kwargs["payload"] == {
        "type": "application.stage_changed",
        "application_id": str(application.pk),
        "job_id": job.pk,
        "job_title": "Data Engineer",
        "company": "Northwind",
        "stage": stage,
        "stage_label": Stage(stage).label,
        "url": f"/portal/applications/{application.pk}/",
        "notification": {"id": kept.pk, "text": kept.text, "url": kept.url},
        "unread": 1,
    }


@pytest.mark.parametrize(
    ("from_stage", "to_stage"),
    [
        (Stage.APPLIED, Stage.UNDER_REVIEW),
        (Stage.INTERVIEW_SCHEDULED, Stage.INTERVIEWED),
        (Stage.REJECTED, Stage.UNDER_REVIEW),
    ],
)
def test_no_email_on_moves_the_candidate_is_not_told_about(
    job, from_stage, to_stage, django_capture_on_commit_callbacks, pushed
):
    application = ApplicationFactory(job=job, stage=from_stage)
    _move(application, to_stage, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    pushed.assert_not_called()


def test_no_email_when_the_candidate_withdraws(job, django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=job)
    with django_capture_on_commit_callbacks(execute=True):
        application_move_stage(
            application=application, to_stage=Stage.WITHDRAWN, actor=application.candidate
        )
    assert mail.outbox == []


def test_nothing_is_sent_before_the_commit(job, django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=job)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application_move_stage(application=application, to_stage=Stage.REJECTED, actor=job.owner)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_nothing_is_sent_for_a_move_rolled_back(job, django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=job)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        application_move_stage(application=application, to_stage=Stage.REJECTED, actor=job.owner)
        raise RuntimeError("the caller failed after the move")
    assert callbacks == []
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_an_anonymous_applicant_is_emailed_at_their_address_without_a_portal_link(
    job, django_capture_on_commit_callbacks, pushed
):
    application = ApplicationFactory(
        job=job,
        resume=None,
        candidate=None,
        applicant_name="Ann Smith",
        applicant_email="ann.smith@example.org",
        stage=Stage.UNDER_REVIEW,
    )
    _move(application, Stage.INTERVIEW_SCHEDULED, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ann.smith@example.org"]
    assert email.body.startswith("Hello Ann Smith,")
    assert "/portal/" not in email.body
    pushed.assert_not_called()


def test_a_job_without_company_names_the_hiring_team(django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=JobFactory(title="QA Lead", company=""))
    _move(application, Stage.REJECTED, django_capture_on_commit_callbacks)
    email = mail.outbox[0]
    assert email.subject == "Your application for QA Lead"
    assert "the hiring team" in email.body


def test_a_move_overtaken_before_the_email_leaves_is_not_sent(
    job, django_capture_on_commit_callbacks
):
    """A mistaken rejection undone at once: the candidate never hears of it."""
    application = ApplicationFactory(job=job)
    with django_capture_on_commit_callbacks(execute=True):
        application_move_stage(application=application, to_stage=Stage.REJECTED, actor=job.owner)
        application_move_stage(
            application=application, to_stage=Stage.UNDER_REVIEW, actor=job.owner
        )
    assert mail.outbox == []


def test_bulk_moves_email_each_candidate(job, django_capture_on_commit_callbacks):
    applications = ApplicationFactory.create_batch(3, job=job)
    with django_capture_on_commit_callbacks(execute=True):
        applications_bulk_reject(applications=applications, actor=job.owner, reason="Filled")
    assert sorted(email.to[0] for email in mail.outbox) == sorted(
        application.candidate.email for application in applications
    )
    assert all("Filled" not in email.body for email in mail.outbox)


def test_a_bulk_move_to_a_stage_nobody_is_told_about_sends_nothing(
    job, django_capture_on_commit_callbacks
):
    applications = ApplicationFactory.create_batch(2, job=job)
    with django_capture_on_commit_callbacks(execute=True):
        applications_bulk_move(
            applications=applications, to_stage=Stage.UNDER_REVIEW, actor=job.owner
        )
    assert mail.outbox == []


def test_the_api_move_emails_after_the_commit(job, django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=job, stage=Stage.UNDER_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(job.owner).post(
            "/api/v1/ats/move-stage",
            {"application_id": str(application.pk), "stage": "interview_scheduled"},
        )
    assert response.status_code == 200
    assert [email.subject for email in mail.outbox] == [SUBJECTS[Stage.INTERVIEW_SCHEDULED]]


def test_the_task_returns_quietly_for_a_history_row_that_is_gone():
    send_stage_email.apply(args=[987654], throw=True)
    assert mail.outbox == []


def test_the_task_retries_when_the_mail_server_fails(job):
    application = ApplicationFactory(job=job)
    Application.objects.filter(pk=application.pk).update(stage=Stage.REJECTED)
    change = StageChange.objects.create(
        application=application, from_stage="applied", to_stage="rejected"
    )
    assert OSError in send_stage_email.autoretry_for
    with mock.patch.object(notifications, "send_mail", side_effect=ConnectionRefusedError):
        result = send_stage_email.apply(args=[change.pk])
    assert result.state in {"RETRY", "FAILURE"}
    assert mail.outbox == []


def test_a_socket_failure_does_not_stop_the_email(job, django_capture_on_commit_callbacks):
    application = ApplicationFactory(job=job)
    broken_layer = mock.Mock(group_send=mock.AsyncMock(side_effect=ConnectionError("down")))
    with mock.patch("core.realtime.publish.get_channel_layer", return_value=broken_layer):
        _move(application, Stage.REJECTED, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    broken_layer.group_send.assert_awaited_once()
