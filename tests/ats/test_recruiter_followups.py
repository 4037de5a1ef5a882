"""What follows an application for the recruiter: an email and a socket notification when one
arrives, and every applicant scored again in the background when the posting is edited."""

from unittest import mock

import pytest
from django.core import mail

from accounts.models import Notification
from ats.models import Application
from ats.services.ranking import job_applications_rescore
from core.models import OutboxTask
from jobs.services.jobs import job_update
from tests.accounts.factories import RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.ats.test_apply import anonymous_apply
from tests.ats.test_candidates import JOB_DESCRIPTION, resume_text
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def job():
    owner = RecruiterFactory(email="rita@northwind.example")
    return JobFactory(title="Data Engineer", description=JOB_DESCRIPTION, owner=owner)


@pytest.fixture
def pushed():
    with mock.patch("accounts.notifications.notify_user") as notify:
        yield notify


def test_the_recruiter_hears_of_a_new_application(
    api_client, job, pushed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous_apply(api_client, job)
    assert response.status_code == 201
    application = Application.objects.get()
    [email] = mail.outbox
    assert email.to == ["rita@northwind.example"]
    assert email.subject == "New application: Data Engineer"
    assert f"Jane Doe applied to Data Engineer (fit {application.fit_score}/100)." in email.body
    assert f"/recruiter/jobs/{job.pk}/pipeline/" in email.body
    pushed.assert_called_once()
    payload = pushed.call_args.kwargs["payload"]
    assert pushed.call_args.kwargs["user_id"] == job.owner.pk
    assert payload["type"] == "application.received"
    assert payload["applicant_name"] == "Jane Doe"
    assert payload["unread"] == 1
    [kept] = Notification.objects.filter(user=job.owner)
    assert kept.text == "Jane Doe applied to Data Engineer"
    assert kept.url == f"/recruiter/jobs/{job.pk}/pipeline/"
    assert not OutboxTask.objects.exists()  # done, so the durable row is gone


def test_the_notice_is_a_durable_task_written_with_the_application(api_client, job):
    anonymous_apply(api_client, job)
    [row] = OutboxTask.objects.all()
    assert row.task == "ats.tasks.tell_recruiter_of_application"
    assert row.args == [str(Application.objects.get().pk)]


def test_a_refused_application_tells_nobody(api_client, job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous_apply(api_client, job, consent=None)
    assert response.status_code == 400
    assert mail.outbox == [] and not OutboxTask.objects.exists()


def test_a_deactivated_recruiter_gets_no_email(
    api_client, job, pushed, django_capture_on_commit_callbacks
):
    job.owner.is_active = False
    job.owner.save(update_fields=["is_active"])
    with django_capture_on_commit_callbacks(execute=True):
        anonymous_apply(api_client, job)
    assert mail.outbox == []
    pushed.assert_not_called()


def _applicant(job, skills: str) -> Application:
    return ApplicationFactory(job=job, resume=ResumeFactory(text=resume_text("Grace", skills)))


def test_editing_a_posting_scores_its_applicants_again_in_the_background(
    job, django_capture_on_commit_callbacks
):
    application = _applicant(job, "Python, Django, PostgreSQL, Kubernetes")
    job_applications_rescore(job_id=job.pk)
    before = Application.objects.get(pk=application.pk)
    assert "Kubernetes" not in before.fit["matched_skills"]

    with django_capture_on_commit_callbacks(execute=True):
        job_update(job=job, user=job.owner, data={"preferred_skills": ["Kubernetes"]})

    after = Application.objects.get(pk=application.pk)
    assert "Kubernetes" in after.fit["matched_skills"]
    assert after.fit["basis"] != before.fit["basis"]
    assert not OutboxTask.objects.exists()


def test_an_edit_queues_one_durable_rescore_and_no_edit_none(job):
    job_update(job=job, user=job.owner, data={"title": job.title})  # nothing changed
    assert not OutboxTask.objects.exists()
    job_update(job=job, user=job.owner, data={"title": "Senior Data Engineer"})
    [row] = OutboxTask.objects.all()
    assert (row.task, row.args) == ("ats.scoring_tasks.rescore_job_applications", [job.pk])


def test_a_rescore_of_a_deleted_job_does_nothing():
    assert job_applications_rescore(job_id=987654) == 0
