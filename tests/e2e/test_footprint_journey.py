"""A candidate scans their GitHub and Stack Overflow profiles (local fakes of both APIs),
watches the scan live and reads every score with its inputs and formula."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_candidate_scans_and_reads_scores_with_their_inputs(page, e2e_server, user_of_role):
    candidate = user_of_role(
        "candidate",
        name="Ada Lovelace",
        password=password_hash(),
        github_url="https://github.com/ada",
    )
    sign_in(page, candidate)
    open_menu(page, "Footprint")
    expect(page.get_by_role("heading", name="Developer footprint")).to_be_visible()
    expect(page.get_by_label("GitHub username")).to_have_value("ada")
    page.get_by_label("Stack Overflow user id").fill("22656")

    # Per socket: the header's notification bell joins the same group with a socket of its own.
    frames: list[tuple] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda frame: frames.append((ws, json.loads(frame)))),
    )
    e2e_server.hold_jobs()
    with page.expect_websocket() as opened:
        page.get_by_role("button", name="Scan", exact=True).click()
    socket = opened.value

    def received() -> list[dict]:
        return [message for ws, message in frames if ws is socket]

    expect(page.get_by_role("progressbar", name="Scan progress")).to_be_visible()
    # Released once the page's socket has joined, so every step reaches it. Playwright
    # delivers frames only inside its calls, so the check and the wait cannot miss one.
    if not any(message.get("type") == "connection_success" for message in received()):
        socket.wait_for_event(
            "framereceived", lambda frame: json.loads(frame)["type"] == "connection_success"
        )
    with socket.expect_event(
        "framereceived", lambda frame: json.loads(frame).get("state") == "completed"
    ):
        e2e_server.release_jobs()

    # The page reloads itself once the scan completes.
    expect(page.get_by_role("heading", name="Scores, their inputs and formulas")).to_be_visible()
    activity = page.get_by_role("article", name="Activity")
    expect(activity).to_contain_text("Pull requests merged into other people's repositories")
    expect(activity).to_contain_text("Formula:")
    expect(page.get_by_role("img", name="Scores:")).to_be_visible()
    expect(page.get_by_role("heading", name="Privacy report")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Email address")).to_be_visible()
    audit_page(page)
    progress = [m["progress"] for m in received() if m.get("type") == "footprint_progress"]
    assert progress == sorted(progress) and progress[-1] == 100

    page.get_by_role("button", name="Add to my profile").click()
    expect(page.get_by_text("Added to your profile:")).to_be_visible()

    # A second scan the same day reads the profiles from memory, and the two compare.
    page.get_by_label("Stack Overflow user id").fill("22656")
    page.get_by_role("button", name="Scan", exact=True).click()
    expect(page.get_by_text("GitHub: from memory (0 calls)")).to_be_visible()
    page.get_by_role("button", name="Compare the two scans").click()
    expect(page.get_by_role("heading", name="Compare two scans")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Overall")).to_be_visible()
    audit_page(page)
