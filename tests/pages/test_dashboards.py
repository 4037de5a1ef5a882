"""The role dashboards: each role's home, filled with live numbers from the apps."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ats.models import Application
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from gdpr.models import DataSubjectRequest, RequestKind
from gdpr.tracker import complete_request, open_request
from resumes.models import Analysis, AnalysisStatus
from tests.accounts.factories import RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.interviews.video_support import VideoMeetingFactory
from tests.jobs.factories import JobFactory, SavedJobFactory
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize(
    ("role", "home"),
    [
        ("candidate", "accounts:candidate_portal"),
        ("recruiter", "accounts:recruiter_dashboard"),
        ("domain_expert", "interviews:review_queue"),
        ("admin", "accounts:admin_dashboard"),
    ],
)
def test_each_role_is_sent_to_its_own_home(client, user_of_role, role, home):
    client.force_login(user_of_role(role))

    response = client.get(reverse("accounts:dashboard"))

    assert response["Location"] == reverse(home)


@pytest.mark.parametrize("role", ["candidate", "recruiter", "domain_expert"])
def test_only_admins_see_operations(client, user_of_role, role):
    client.force_login(user_of_role(role))

    assert client.get(reverse("accounts:admin_dashboard")).status_code == 403


def test_operations_counts_people_and_jobs_by_state(client, user_of_role):
    admin = user_of_role("admin")
    user_of_role("candidate", email_verified_at=None)
    user_of_role("recruiter")
    AnalysisFactory(status=AnalysisStatus.QUEUED)
    AnalysisFactory(status=AnalysisStatus.FAILED)
    AnalysisFactory(status=AnalysisStatus.FAILED)
    client.force_login(admin)

    text = _text(client.get(reverse("accounts:admin_dashboard")))

    # 3 + the 3 analysed resumes' owners; the factories verify emails unless told otherwise.
    assert "Accounts 6 " in text
    assert "Email not verified 1 " in text
    assert "2 jobs failed" in text
    assert re.search(r"Analysis 1 0 2", text)


def test_operations_counts_open_and_overdue_data_requests(client, user_of_role):
    open_request(kind=RequestKind.EXPORT, user=user_of_role("candidate"))
    late = open_request(kind=RequestKind.ERASURE, email="gone@example.com")
    DataSubjectRequest.objects.filter(pk=late.pk).update(due_at=timezone.now() - timedelta(days=1))
    answered = open_request(kind=RequestKind.EXPORT, email="done@example.com")
    complete_request(answered)
    client.force_login(user_of_role("admin"))

    text = _text(client.get(reverse("accounts:admin_dashboard")))

    assert "1 request past the one-month answer date" in text
    assert "Open 2 Exports 1 Erasures 1" in text


def test_operations_takes_the_same_queries_however_many_rows(
    client, user_of_role, django_assert_max_num_queries
):
    client.force_login(user_of_role("admin"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("accounts:admin_dashboard"))
    AnalysisFactory.create_batch(5, status=AnalysisStatus.FAILED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accounts:admin_dashboard"))


# --- Candidate -----------------------------------------------------------------------------


def _completed(resume, score: int, days_ago: int):
    analysis = AnalysisFactory(resume=resume, status=AnalysisStatus.COMPLETED, overall_score=score)
    Analysis.objects.filter(pk=analysis.pk).update(
        completed_at=timezone.now() - timedelta(days=days_ago)
    )
    return analysis


def test_a_new_candidate_sees_where_to_start_and_no_promise(client, user_of_role):
    client.force_login(user_of_role("candidate"))

    response = client.get(reverse("accounts:candidate_portal"))

    text = _text(response)
    assert "No analysis yet" in text
    assert "You have not applied yet" in text
    assert "Start a practice session" in text
    assert "Coming soon" not in text


def test_the_candidate_dashboard_shows_score_trend_stages_and_closing_jobs(client):
    resume = ResumeFactory()
    user = resume.owner
    _completed(resume, 58, days_ago=9)
    latest = _completed(resume, 71, days_ago=1)
    moved = ApplicationFactory(resume=resume, job__title="Data Engineer")
    application_move_stage(application=moved, to_stage=Stage.UNDER_REVIEW, actor=moved.job.owner)
    ApplicationFactory(resume=resume)
    soon = SavedJobFactory(user=user, job__end_date=timezone.now() + timedelta(days=3)).job
    SavedJobFactory(user=user, job__end_date=timezone.now() + timedelta(days=60))
    client.force_login(user)

    response = client.get(reverse("accounts:candidate_portal"))

    text = _text(response)
    assert "71 /100 +13 since the last analysis" in text
    assert reverse("resumes:analysis", args=[latest.pk]) in response.content.decode()
    assert "1 Applied" in text and "1 Under review" in text
    assert "Data Engineer : moved to Under review" in text
    assert soon.title in text and "closes in 3 days" in text
    assert "All 2 saved jobs" in text


def test_the_candidate_dashboard_lists_booked_video_interviews_with_their_join_link(client):
    resume = ResumeFactory()
    booked = ApplicationFactory(
        resume=resume, job__title="Site Reliability Engineer", stage=Stage.INTERVIEW_SCHEDULED
    )
    meeting = VideoMeetingFactory(application=booked)
    ApplicationFactory(resume=resume, job__title="Data Analyst", stage=Stage.INTERVIEW_SCHEDULED)
    client.force_login(resume.owner)

    response = client.get(reverse("accounts:candidate_portal"))

    text = _text(response)
    assert "Video interview: Site Reliability Engineer" in text
    assert meeting.join_url in response.content.decode()
    # The booked application is not listed again as waiting for a time; the other one is.
    assert "Interview: Site Reliability Engineer" not in text.replace("Video interview:", "")
    assert "Interview: Data Analyst the hiring team will send you the time" in text


def test_the_candidate_dashboard_shows_no_one_elses_data(client):
    other = ResumeFactory()
    _completed(other, 90, days_ago=1)
    ApplicationFactory(resume=other, job__title="Secret Role")
    client.force_login(ResumeFactory().owner)

    text = _text(client.get(reverse("accounts:candidate_portal")))

    assert "Secret Role" not in text
    assert "No analysis yet" in text


def test_the_candidate_dashboard_takes_the_same_queries_however_much_data(
    client, django_assert_max_num_queries
):
    resume = ResumeFactory()
    client.force_login(resume.owner)
    _completed(resume, 50, days_ago=3)
    ApplicationFactory(resume=resume)
    SavedJobFactory(user=resume.owner, job__end_date=timezone.now() + timedelta(days=3))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("accounts:candidate_portal"))
    for score in (60, 70, 80):
        _completed(resume, score, days_ago=2)
    for _ in range(4):
        ApplicationFactory(resume=resume)
        SavedJobFactory(user=resume.owner, job__end_date=timezone.now() + timedelta(days=5))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accounts:candidate_portal"))


# --- Recruiter -----------------------------------------------------------------------------


def test_the_recruiter_dashboard_counts_postings_new_and_waiting_applicants(client):
    recruiter = RecruiterFactory()
    job = JobFactory(owner=recruiter, title="Platform Engineer")
    old = ApplicationFactory(job=job, applicant_name="Olga Older")
    Application.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=20),
        stage_changed_at=timezone.now() - timedelta(days=20),
    )
    ApplicationFactory(job=job, applicant_name="Nia Newer", stage=Stage.INTERVIEW_SCHEDULED)
    ApplicationFactory(job=JobFactory(), applicant_name="Someone Elses")
    client.force_login(recruiter)

    first = client.get(reverse("accounts:recruiter_dashboard"))

    text = _text(first)
    assert re.search(r"Platform Engineer 1 0 1 0 0 0", text)
    assert "1 new application this week" in text
    assert "Nia Newer" in text and "Someone Elses" not in text
    assert re.search(r"Waiting longest for a decision Olga Older Applied Platform Engineer", text)
    assert "Interviews scheduled 1" in text

    # A reload in the same session keeps the list; the next session counts from this visit.
    assert "Nia Newer" in _text(client.get(reverse("accounts:recruiter_dashboard")))
    ApplicationFactory(job=job, applicant_name="Lia Latest")
    client.logout()
    client.force_login(recruiter)
    second = _text(client.get(reverse("accounts:recruiter_dashboard")))
    assert "1 new application since" in second
    assert "Lia Latest" in second and "Nia Newer" not in second.split("Interviews this week")[0]


def test_the_recruiter_dashboard_takes_the_same_queries_however_many_postings(
    client, django_assert_max_num_queries
):
    recruiter = RecruiterFactory()
    ApplicationFactory(job=JobFactory(owner=recruiter))
    client.force_login(recruiter)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("accounts:recruiter_dashboard"))
    for _ in range(4):
        ApplicationFactory(job=JobFactory(owner=recruiter))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accounts:recruiter_dashboard"))
