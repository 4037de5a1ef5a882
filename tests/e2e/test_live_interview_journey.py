"""A candidate takes a live AI interview in the browser: five phases over the socket, the page
reloaded halfway (the connection drops), the interview resumed at the same question with the
typed answer kept, and the results page at the end."""

import re

import pytest
from playwright.sync_api import expect

from interviews.models import LiveInterview
from tests.e2e.audit import audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in
from tests.resumes.factories import ResumeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANSWERS = [
    "I am a backend engineer building Python and Django services with PostgreSQL, and this "
    "role builds on that work.",
    "I planned the migration, moved one service a week to Kubernetes and deploys got faster.",
    "I used Python, Django and PostgreSQL, and the result was fewer incidents.",
    "I would measure first, fix the slowest part, and check the metric afterwards.",
    "I would roll out gradually, watch the error rate and roll back if it rises.",
]


def answer(page, text: str, number: int) -> None:
    expect(page.get_by_text(f"Question {number} of 5")).to_be_visible()
    page.get_by_role("textbox", name="Your answer").fill(text)
    page.get_by_role("button", name="Send answer").click()


def test_a_candidate_completes_a_live_interview_across_a_dropped_connection(page, user_of_role):
    candidate = user_of_role("candidate", name="Jane Doe", password=password_hash())
    ResumeFactory(owner=candidate)
    sign_in(page, candidate)

    open_menu(page, "Live interview")
    audit_page(page)
    page.get_by_label("Job title").fill("Backend Engineer")
    page.get_by_label("Job description").fill(
        "We build payment APIs in Python and Django on PostgreSQL and AWS."
    )
    page.get_by_role("button", name="Start the interview").click()

    expect(page).to_have_url(re.compile(r"/portal/live-interview/[0-9a-f-]{36}/$"))
    progress = page.get_by_role("list", name="Interview progress")
    expect(progress.locator("[aria-current=step]")).to_have_text("Greeting")
    audit_page(page)
    answer(page, ANSWERS[0], 1)
    answer(page, ANSWERS[1], 2)
    expect(progress.locator("[aria-current=step]")).to_have_text("Follow-up")
    asked = page.locator("[data-live-question]").inner_text()
    page.get_by_role("textbox", name="Your answer").fill("A half-written answer")

    page.reload()  # the connection drops and the page connects again

    expect(page.get_by_text("Question 3 of 5")).to_be_visible()
    expect(page.locator("[data-live-question]")).to_have_text(asked)
    expect(page.get_by_role("textbox", name="Your answer")).to_have_value("A half-written answer")
    answer(page, ANSWERS[2], 3)
    answer(page, ANSWERS[3], 4)
    expect(progress.locator("[aria-current=step]")).to_have_text("Scenario follow-up")
    answer(page, ANSWERS[4], 5)

    expect(page).to_have_url(re.compile(r"/results/$"))
    expect(page.get_by_role("heading", name="Analysis")).to_be_visible()
    expect(page.get_by_text("Cultural fit")).to_be_visible()
    expect(page.get_by_text("5 of 5 questions answered")).to_be_visible()
    audit_page(page)
    interview = LiveInterview.objects.get(user=candidate)
    assert [a["question_id"] for a in interview.answers] == [
        "greeting",
        "resume",
        "follow_up",
        "scenario",
        "scenario_follow_up",
    ]
    assert interview.answers[2]["text"] == ANSWERS[2]
