"""PNGs of the dashboards, a pipeline board and a resume analysis, at 1280 and 390 px.

    SCREENSHOTS_DIR=bench/results/screenshots .venv/bin/pytest tests/e2e/screenshots.py

The file is not collected by `pytest` on its own (it is not named test_*.py); the PNGs go to
SCREENSHOTS_DIR (default bench/results/screenshots, which git ignores).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from config.env import BASE_DIR
from jobs.models import Job
from resumes.models import Analysis, AnalysisStatus
from tests.e2e.audit import DESKTOP, PHONE
from tests.e2e.conftest import sign_in
from tests.e2e.showcase import seed_showcase

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OUT = Path(os.environ.get("SCREENSHOTS_DIR", BASE_DIR / "bench" / "results" / "screenshots"))


def shoot(page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        page.screenshot(path=OUT / f"{name}-{size['width']}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_screenshots(browser, e2e_server, transactional_db):
    users = seed_showcase()
    pages = {
        "candidate": [("candidate-dashboard", "/dashboard/")],
        "recruiter": [("recruiter-dashboard", "/dashboard/")],
        "domain_expert": [("expert-home", "/dashboard/")],
        "admin": [("admin-dashboard", "/dashboard/")],
    }
    analysis = Analysis.objects.filter(
        owner=users["candidate"], status=AnalysisStatus.COMPLETED, job_title__gt=""
    ).first() or Analysis.objects.filter(owner=users["candidate"]).latest("completed_at")
    pages["candidate"].append(("analysis-result", f"/portal/analyses/{analysis.pk}/"))
    busiest = Job.objects.filter(owner=users["recruiter"]).order_by("id").first()
    pages["recruiter"].append(("pipeline-board", f"/recruiter/jobs/{busiest.pk}/pipeline/"))

    for role, shots in pages.items():
        context = browser.new_context(base_url=e2e_server.url, viewport=DESKTOP)
        page = context.new_page()
        sign_in(page, users[role])
        for name, path in shots:
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            shoot(page, name)
        context.close()
