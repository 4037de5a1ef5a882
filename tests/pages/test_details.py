"""Small things people noticed: resume periods that say only what is known, no API notes in
page footers, emails that wrap without breaking mid-word, consent errors named plainly."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse

from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

DASH = "\N{EN DASH}"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"start": "2015", "end": "2017"}, f"2015 {DASH} 2017"),
        ({"start": "2015", "current": True}, f"2015 {DASH} Present"),
        ({"start": "2015"}, "from 2015"),
        ({"end": "2017"}, "2017"),
        ({"end": "2017", "until": True}, "until 2017"),
        ({}, ""),
    ],
)
def test_a_resume_period_says_only_what_is_known(values, expected):
    assert render_to_string("includes/date_range.html", values) == expected


def test_the_analytics_page_has_no_api_note_for_programs(client, user_of_role):
    client.force_login(user_of_role("recruiter"))

    page = client.get(reverse("ats:analytics")).content.decode()

    assert "access token" not in page


def test_emails_wrap_at_the_at_sign_and_dots_not_mid_word(client, user_of_role):
    user = user_of_role("candidate", email="casey.candidate-long@demo.hirewise.local")
    client.force_login(user)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert "casey<wbr>.candidate-long@<wbr>demo<wbr>.hirewise<wbr>.local" in page


def test_an_email_is_escaped_before_it_gets_its_breaks():
    rendered = (
        engines["django"]
        .from_string("{% load text_tags %}{{ value|email_breaks }}")
        .render({"value": "<b>a@b.c</b>"})
    )
    assert rendered == "&lt;b&gt;a@<wbr>b<wbr>.c&lt;/b&gt;"


def test_a_missing_consent_is_named_plainly_in_the_error_summary(client):
    job = JobFactory(company="Acme Payments")
    form = {"name": "Jane Doe", "email": "jane@example.com", "cover_letter": "Hello"}
    form["file"] = SimpleUploadedFile("cv.txt", b"Jane Doe\nPython developer", "text/plain")

    response = client.post(reverse("ats:apply", args=[job.pk]), form)

    summary = response.content.decode().split('class="alert alert--error form-errors"')[1]
    summary = summary.split("</div>")[0]
    assert ">Consent: " in summary
    assert "I agree that" not in summary
