"""A candidate asks the assistant about their resume over its socket, gets an answer drawn
from it with the match shown, and an honest "I don't know" for what the resume cannot say;
on a phone-sized screen the conversation still fits."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import PHONE, audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in
from tests.resumes.factories import ResumeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_candidate_asks_about_their_resume_and_gets_a_grounded_answer(page, user_of_role):
    candidate = user_of_role("candidate", name="Jane Doe", password=password_hash())
    ResumeFactory(owner=candidate)
    sign_in(page, candidate)

    received: list[dict] = []
    page.on(
        "websocket",
        lambda socket: socket.on("framereceived", lambda frame: received.append(json.loads(frame))),
    )
    open_menu(page, "Chat")
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("heading", name="Chat assistant")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Connected.")

    page.get_by_label("Your question").fill("What was my last job?")
    page.get_by_role("button", name="Send").click()

    messages = page.get_by_role("list", name="Messages")
    expect(messages.get_by_role("listitem").nth(1)).to_contain_text(
        "Senior Software Engineer at Acme Analytics"
    )
    expect(messages.get_by_role("listitem").nth(1)).to_contain_text("From: What was my last job?")

    page.get_by_role("button", name="Which skills do I have?").click()
    expect(messages.get_by_role("listitem").nth(3)).to_contain_text("Kubernetes")

    page.get_by_label("Your question").fill("What was my salary at Acme Analytics?")
    page.get_by_label("Your question").press("Enter")
    expect(messages.get_by_role("listitem").nth(5)).to_contain_text(
        "I don't know that from your resume"
    )

    answers = [message for message in received if message["type"] == "message"]
    assert [answer["metadata"]["from_qa"] for answer in answers] == [True, True, False]
    audit_page(page)
