"""A candidate registers, uploads a resume, watches its analysis live, reads it and applies."""

import json
import re

import pytest
from playwright.sync_api import expect

from resumes.extraction import extract_text
from resumes.models import Resume
from tests.e2e.audit import audit_page
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


ANALYSIS_SOCKET = "/ws/analyses/"


def watch_the_analysis(page, e2e_server) -> list[dict]:
    """Start an analysis with the job held, so the page is listening before the first step;
    returns the progress messages the page received over its socket."""
    received: list[dict] = []
    # Only the analysis socket: the header's notification bell has its own.
    page.on(
        "websocket",
        lambda socket: ANALYSIS_SOCKET in socket.url
        and socket.on("framereceived", lambda frame: received.append(json.loads(frame))),
    )
    e2e_server.hold_jobs()
    with page.expect_websocket(lambda socket: ANALYSIS_SOCKET in socket.url) as opened:
        page.get_by_role("button", name="Start the analysis").click()
    socket = opened.value
    expect(page.get_by_role("heading", name="In progress")).to_be_visible()
    expect(page.get_by_role("progressbar", name="Analysis progress")).to_be_visible()
    with socket.expect_event("framereceived", lambda frame: json.loads(frame)["progress"] == 100):
        e2e_server.release_jobs()
    return received


def improve_a_line_and_download(page) -> None:
    """Accept a rewrite that asks for a number: refused until the number is there, then the
    downloaded resume carries the line as accepted."""
    page.goto(f"/portal/resumes/{Resume.objects.get().pk}/")
    page.get_by_role("button", name="Get suggestions").click()
    expect(page.get_by_role("heading", name="Suggestions for resume.docx")).to_be_visible()
    suggestion = page.locator("li.suggestion").filter(has_text="Ran Kubernetes clusters")
    suggestion.get_by_text("Accept", exact=True).click()
    line = suggestion.get_by_label("Your line, with the detail filled in")
    expect(line).to_have_value(re.compile(r"\[add a measurable result"))
    page.get_by_role("button", name="Save decisions").click()

    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("before accepting")
    audit_page(page)
    summary.get_by_role("link").first.click()
    expect(line).to_be_focused()
    filled = "Ran 12 Kubernetes clusters on AWS with Terraform, cutting costs by 30%"
    line.fill(filled)
    suggestion.get_by_text("Accept", exact=True).click()
    page.get_by_role("button", name="Save decisions").click()
    expect(page.get_by_role("status").filter(has_text="1 accepted")).to_be_visible()
    expect(page.get_by_text("1 rewrite accepted")).to_be_visible()

    page.get_by_role("radio", name="PDF").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    text = extract_text(download.value.path().read_bytes(), "pdf").text
    assert filled in " ".join(text.split())
    assert "[add" not in text


def test_a_candidate_registers_uploads_watches_the_analysis_and_applies(page, e2e_server):
    JobFactory(title="Senior Django Engineer", company="Acme Payments")

    register(page, name="Grace Example", email="grace@example.com")
    upload_resume(page, name="Grace Example", email="grace@example.com")

    received = watch_the_analysis(page, e2e_server)
    progress = [message["progress"] for message in received]
    assert progress == sorted(progress)
    assert received[-1]["state"] == "completed"
    assert progress[-1] == 100

    # The page reloads itself into the result: one list of fixes, biggest gain first, in
    # plain words (no rule ids, no engine names).
    expect(page.get_by_role("heading", name="ATS score")).to_be_visible()
    expect(page.get_by_role("figure", name="ATS score")).to_contain_text("/100")
    made_of = page.get_by_role("region", name="What the score is made of")
    expect(made_of.get_by_role("meter")).to_have_count(5)
    expect(page.get_by_text("Completed", exact=True)).to_be_visible()
    fixes = page.get_by_role("region", name="What to fix first").get_by_role("listitem")
    expect(fixes.first).to_contain_text("points")
    gains = [
        int(text.split("+")[-1].split()[0])
        for text in fixes.all_inner_texts()
        if "under 1 point" not in text
    ]
    assert gains == sorted(gains, reverse=True)
    main = page.get_by_role("main").inner_text()
    for jargon in ("bullets_without_numbers", "weak_action_verbs", "too_short", "engine"):
        assert jargon not in main
    audit_page(page)

    improve_a_line_and_download(page)

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
