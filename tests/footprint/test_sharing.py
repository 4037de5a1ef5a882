"""Recruiters see a candidate's latest scan on the candidate page only when the candidate
chose to share it."""

from datetime import timedelta

import pytest
from django.test import Client

from footprint import services
from footprint.models import FootprintScan, ScanStatus
from tests.accounts.factories import RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.footprint.factories import ScanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(recruiter):
    return ApplicationFactory(job__owner=recruiter)


def panels(recruiter, application) -> dict:
    return client_for(recruiter).get(f"/api/v1/ats/candidates/{application.pk}").json()["panels"]


def test_an_unshared_scan_stays_hidden_from_recruiters(recruiter, application):
    ScanFactory(owner=application.candidate, level=70)
    assert "footprint" not in panels(recruiter, application)


def test_a_shared_scan_shows_its_latest_completed_scores(recruiter, application):
    candidate = application.candidate
    old = ScanFactory(owner=candidate, level=30)
    latest = ScanFactory(owner=candidate, level=70)
    FootprintScan.objects.filter(pk=old.pk).update(created_at=latest.created_at - timedelta(days=3))
    ScanFactory(owner=candidate, status=ScanStatus.FETCHING, scores={}, level=0)  # still running
    services.sharing_set(user=candidate, share=True)
    panel = panels(recruiter, application)["footprint"]
    assert {score["name"]: score["score"] for score in panel["scores"]}["overall"] == 70
    assert panel["skills"] == ["Python", "Django"]

    page = Client()
    page.force_login(recruiter)
    html = page.get(f"/recruiter/applications/{application.pk}/").content.decode()
    assert "Developer footprint" in html


def test_turning_sharing_off_hides_the_scan_again(recruiter, application):
    ScanFactory(owner=application.candidate)
    services.sharing_set(user=application.candidate, share=True)
    services.sharing_set(user=application.candidate, share=False)
    assert "footprint" not in panels(recruiter, application)


def test_another_recruiter_sees_nothing_of_the_application(application):
    ScanFactory(owner=application.candidate)
    services.sharing_set(user=application.candidate, share=True)
    response = client_for(RecruiterFactory()).get(f"/api/v1/ats/candidates/{application.pk}")
    assert response.status_code == 404
