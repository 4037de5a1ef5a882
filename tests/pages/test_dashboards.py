"""The role dashboards: each role's home, filled with live numbers from the apps."""

import re

import pytest
from django.urls import reverse

from resumes.models import AnalysisStatus
from tests.resumes.factories import AnalysisFactory

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


def test_operations_takes_the_same_queries_however_many_rows(
    client, user_of_role, django_assert_max_num_queries
):
    client.force_login(user_of_role("admin"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("accounts:admin_dashboard"))
    AnalysisFactory.create_batch(5, status=AnalysisStatus.FAILED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("accounts:admin_dashboard"))
