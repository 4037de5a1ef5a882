"""A recruiter schedules a video interview from the pipeline board; the applicant is sent the
invitation and sees the interview in their portal."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ats.stages import Stage
from core.models import OutboxTask
from interviews.video.emails import addressee, meeting_email
from interviews.video.models import VideoMeeting
from tests.ats.factories import ApplicationFactory
from tests.e2e.conftest import password_hash, sign_in
from tests.interviews.video_support import calendar_part, event_value, parse_ics
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TASK = "interviews.video.tasks.send_meeting_email"
# Polls of the outbox, 0.2 s apart: generous, for a busy machine.
SENT_POLLS = 450


def wait_until_sent(meeting_id: str) -> None:
    """The outbox deletes a row once its email went out (a failure keeps it, as failed)."""
    for _ in range(SENT_POLLS):
        if not OutboxTask.objects.filter(task=TASK, args__0=meeting_id).exists():
            return
        time.sleep(0.2)
    pytest.fail(
        f"the invitation was not sent: {list(OutboxTask.objects.values('status', 'error_message'))}"
    )


def test_a_recruiter_schedules_from_the_board_and_the_candidate_is_invited(
    page, e2e_server, user_of_role, settings
):
    recruiter = user_of_role("recruiter", name="Rita Recruiter", password=password_hash())
    job = JobFactory(owner=recruiter, title="Platform Engineer")
    resume = ResumeFactory(owner__name="Noor Applicant", owner__password=password_hash())
    application = ApplicationFactory(job=job, resume=resume, stage=Stage.UNDER_REVIEW)
    sign_in(page, recruiter)

    page.goto(f"/recruiter/jobs/{job.pk}/pipeline/")
    column = page.get_by_role("region", name="Under review")
    column.get_by_role("button", name="Move Noor Applicant").click()
    page.get_by_role("menuitem", name="Interview scheduled").click()
    card = page.get_by_role("region", name="Interview scheduled").get_by_role(
        "article", name="Noor Applicant"
    )
    card.get_by_role("link", name="Schedule a video interview").click()

    expect(
        page.get_by_role("heading", name="Schedule a video interview with Noor Applicant")
    ).to_be_visible()
    start = (timezone.now() + timedelta(days=2)).replace(hour=9, minute=30)
    page.get_by_label("Starts at").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Time zone").select_option("Europe/Paris")
    page.get_by_label("Duration (minutes)").fill("45")
    expect(page.get_by_role("checkbox", name="Rita Recruiter")).to_be_checked()
    e2e_server.hold_jobs()
    page.get_by_role("button", name="Schedule and send invitations").click()

    expect(page.get_by_role("status").first).to_contain_text("Video interview scheduled")
    expect(page.get_by_role("region", name="Interview scheduled")).to_contain_text("Noor Applicant")
    meeting = VideoMeeting.objects.get(application=application)
    assert meeting.join_url.startswith("https://meet.jit.si/Hirewise-")
    queued = OutboxTask.objects.filter(task=TASK, args__0=str(meeting.pk))
    assert sorted(row.args[1] for row in queued) == sorted(["candidate", str(recruiter.pk)])
    e2e_server.release_jobs()
    wait_until_sent(str(meeting.pk))

    invitation = meeting_email(
        meeting, to=addressee(meeting, "candidate"), change="invited", method="REQUEST"
    )
    assert invitation.to == [application.applicant_email]
    calendar = parse_ics(calendar_part(invitation)[1])
    assert event_value(calendar, "UID") == f"{meeting.pk}@hirewise"
    assert event_value(calendar, "LOCATION") == meeting.join_url

    page.context.clear_cookies()
    sign_in(page, resume.owner)
    # In the user's own menu (the main row is full for candidates).
    expect(page.locator(".user-menu__link", has_text="My interviews")).to_have_attribute(
        "href", "/portal/interviews/"
    )
    page.goto("/portal/interviews/")
    expect(page.get_by_role("heading", name="Upcoming interviews")).to_be_visible()
    expect(page.get_by_role("article", name="Platform Engineer at Acme Payments")).to_contain_text(
        "Europe/Paris"
    )
    expect(
        page.get_by_role("link", name="Join the interview for Platform Engineer")
    ).to_have_attribute("href", meeting.join_url)
