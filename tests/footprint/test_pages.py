"""The candidate's footprint pages: scan form, scores with inputs and formulas, the chart,
history and compare, sharing and skills, all without JavaScript."""

from datetime import timedelta

import pytest
from django.test import Client

from footprint.models import FootprintScan, ScanStatus
from tests.accounts.factories import CandidateFactory
from tests.footprint.factories import ScanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(owner):
    client = Client()
    client.force_login(owner)
    return client


def test_the_form_is_prefilled_from_the_profile_links(browser, owner):
    owner.github_url = "https://github.com/ada"
    owner.save()
    html = browser.get("/portal/footprint/").content.decode()
    assert 'name="github_username"' in html and 'value="ada"' in html
    assert "Footprint" in html


def test_a_posted_scan_runs_and_its_page_shows_scores_inputs_and_formulas(
    browser, fake_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            "/portal/footprint/scan/", {"github_username": "ada", "stackoverflow_id": "22656"}
        )
    scan = FootprintScan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/portal/footprint/{scan.pk}/"
    html = browser.get(response["Location"]).content.decode()
    assert "Pull requests merged into other people&#x27;s repositories" in html
    assert "Formula:" in html and "1 - 2^(-value / median)" in html
    assert '<svg class="score-chart__svg"' in html
    assert "Privacy report" in html and "Email address" in html
    assert "How to raise your scores" in html


def test_a_bad_username_redisplays_the_form_with_the_error(browser):
    response = browser.post("/portal/footprint/scan/", {"github_username": "-bad-"})
    assert response.status_code == 200
    assert "Not a valid GitHub username" in response.content.decode()
    assert not FootprintScan.objects.exists()


def test_an_empty_form_says_what_to_give(browser):
    response = browser.post("/portal/footprint/scan/", {})
    assert "Give a GitHub username, a Stack Overflow id, or both." in response.content.decode()


def test_a_running_scan_shows_live_progress_hooks(browser, owner):
    scan = ScanFactory(
        owner=owner,
        status=ScanStatus.FETCHING,
        progress=20,
        scores={},
        current_step="Reading GitHub",
    )
    html = browser.get(f"/portal/footprint/{scan.pk}/").content.decode()
    assert f'data-footprint-scan="{scan.pk}"' in html and "Reading GitHub" in html
    status = browser.get(f"/portal/footprint/{scan.pk}/status.json").json()
    assert status == {
        "type": "footprint_progress",
        "scan_id": str(scan.pk),
        "state": "fetching",
        "progress": 20,
        "message": "Reading GitHub",
    }


def test_another_users_scan_page_is_a_404(browser):
    scan = ScanFactory(owner=CandidateFactory())
    assert browser.get(f"/portal/footprint/{scan.pk}/").status_code == 404
    assert browser.get(f"/portal/footprint/{scan.pk}/status.json").status_code == 404
    assert browser.post(f"/portal/footprint/{scan.pk}/delete/").status_code == 404
    assert browser.post(f"/portal/footprint/{scan.pk}/skills/").status_code == 404


def test_compare_page_shows_the_changes(browser, owner):
    older = ScanFactory(owner=owner, level=40)
    newer = ScanFactory(owner=owner, level=60)
    FootprintScan.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - timedelta(days=7)
    )
    html = browser.get(
        f"/portal/footprint/compare/?first={older.pk}&second={newer.pk}"
    ).content.decode()
    assert "Compare two scans" in html and "+20" in html


def test_compare_without_two_scans_goes_back_with_a_message(browser):
    response = browser.get("/portal/footprint/compare/?first=nope", follow=True)
    assert "Choose two scans to compare." in response.content.decode()


def test_skills_and_sharing_forms(browser, owner):
    scan = ScanFactory(owner=owner)
    browser.post(f"/portal/footprint/{scan.pk}/skills/", {"skills": ["Python"]})
    owner.refresh_from_db()
    assert owner.skills == ["Python"]
    browser.post("/portal/footprint/sharing/", {"share_with_recruiters": "on"})
    assert owner.footprint_sharing.share_with_recruiters is True
    browser.post("/portal/footprint/sharing/", {})
    owner.footprint_sharing.refresh_from_db()
    assert owner.footprint_sharing.share_with_recruiters is False


def test_signed_out_visitors_are_sent_to_sign_in(db):
    response = Client().get("/portal/footprint/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_added_skills_show_on_the_profile_page(browser, owner):
    owner.skills = ["Python", "Django"]
    owner.save()
    html = browser.get("/profile/").content.decode()
    assert '<li class="chip">Python</li>' in html
