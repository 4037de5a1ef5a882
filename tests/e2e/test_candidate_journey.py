"""A candidate registers, uploads a resume, watches its analysis live, reads it and applies."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PASSWORD, open_menu
from tests.jobs.factories import JobFactory
from tests.resumes.generated import docx_from_text, resume_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def register(page, *, name: str, email: str) -> None:
    page.goto("/")
    open_menu(page, "Create account")
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("radio", name="Candidate").check()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Signed in as")).to_be_attached()


def upload_resume(page, *, name: str, email: str) -> None:
    open_menu(page, "Resumes")
    page.get_by_label("Resume file").set_input_files(
        files=[
            {
                "name": "resume.docx",
                "mimeType": DOCX,
                "buffer": docx_from_text(resume_text(name, email=email)),
            }
        ]
    )
    page.get_by_role("button", name="Upload and read").click()
    expect(page.get_by_role("heading", name="What we read")).to_be_visible()
    expect(page.get_by_role("region", name="Contact")).to_contain_text(name)


def watch_the_analysis(page, e2e_server) -> list[dict]:
    """Start an analysis with the job held, so the page is listening before the first step;
    returns the progress messages the page received over its socket."""
    received: list[dict] = []
    page.on(
        "websocket",
        lambda socket: socket.on("framereceived", lambda frame: received.append(json.loads(frame))),
    )
    e2e_server.hold_jobs()
    with page.expect_websocket() as opened:
        page.get_by_role("button", name="Start the analysis").click()
    socket = opened.value
    expect(page.get_by_role("heading", name="In progress")).to_be_visible()
    expect(page.get_by_role("progressbar", name="Analysis progress")).to_be_visible()
    with socket.expect_event("framereceived", lambda frame: json.loads(frame)["progress"] == 100):
        e2e_server.release_jobs()
    return received


def test_a_candidate_registers_uploads_watches_the_analysis_and_applies(page, e2e_server):
    JobFactory(title="Senior Django Engineer", company="Acme Payments")

    register(page, name="Grace Example", email="grace@example.com")
    upload_resume(page, name="Grace Example", email="grace@example.com")

    received = watch_the_analysis(page, e2e_server)
    progress = [message["progress"] for message in received]
    assert progress == sorted(progress)
    assert received[-1]["state"] == "completed"
    assert progress[-1] == 100

    # The page reloads itself into the result.
    expect(page.get_by_role("heading", name="ATS score")).to_be_visible()
    expect(page.get_by_role("figure", name="ATS score")).to_contain_text("/100")
    expect(page.get_by_role("region", name="Score breakdown").get_by_role("meter")).to_have_count(5)
    expect(page.get_by_text("Completed", exact=True)).to_be_visible()

    open_menu(page, "Jobs")
    page.get_by_role("link", name="Senior Django Engineer").click()
    page.get_by_role("link", name="Apply now").click()
    expect(page.get_by_label("Resume (optional)")).to_have_value(
        page.get_by_role("option", name="resume.docx").get_attribute("value")
    )
    page.get_by_role("checkbox", name="I agree").check()
    page.get_by_role("button", name="Send application").click()

    # A new account also shows the "verify your email" status banner beside the message.
    sent = "Your application to Senior Django Engineer is sent."
    expect(page.get_by_role("status").filter(has_text=sent)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="is not verified yet")).to_be_visible()
    expect(page.get_by_role("heading", name="Senior Django Engineer", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Timeline")).to_contain_text("Applied: application sent")
