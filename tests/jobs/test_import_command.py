"""manage.py import_jobs: a feed file or a JSearch search, the report, and the exit status."""

import io
import json

import httpx
import pytest
import respx
from django.core.management import call_command
from django.core.management.base import CommandError

from jobs.models import Job
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.jobs.factories import BACKEND_DESCRIPTION

ROWS = [
    {"id": "f1", "title": "Backend Engineer", "description": BACKEND_DESCRIPTION},
    {"id": "f2", "title": "Platform Engineer", "description": BACKEND_DESCRIPTION},
    {"id": "f3", "description": "No title"},
]


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(ROWS))
    return path


def import_jobs(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_jobs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_a_feed_file_is_imported_for_its_owner_and_the_report_printed(feed):
    owner = RecruiterFactory(email="owner@example.com")

    out, err = import_jobs("--file", str(feed), "--owner", "owner@example.com", "--source", "acme")

    assert "created 2, updated 0, unchanged 0, failed 1" in out
    assert "row 3" in err and "title" in err
    assert set(Job.objects.values_list("source", "owner")) == {("acme", owner.pk)}


@pytest.mark.django_db
def test_without_an_owner_the_postings_belong_to_no_one_and_reimport_is_idempotent(feed):
    import_jobs("--file", str(feed))

    out, _ = import_jobs("--file", str(feed))

    assert "created 0, updated 0, unchanged 2, failed 1" in out
    assert list(Job.objects.values_list("owner", flat=True)) == [None, None]


@pytest.mark.django_db
def test_a_dry_run_says_so_and_writes_nothing(feed):
    out, _ = import_jobs("--file", str(feed), "--dry-run")

    assert out.startswith("Dry run: would have created 2")
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_feed_that_cannot_be_read_fails_the_command(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_bytes(b"%PDF-1.7 not a feed")

    with pytest.raises(CommandError, match="PDF"):
        import_jobs("--file", str(path))


@pytest.mark.django_db
def test_a_feed_where_every_row_fails_fails_the_command(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([ROWS[2]]))

    with pytest.raises(CommandError, match="No posting"):
        import_jobs("--file", str(path))


@pytest.mark.django_db
def test_a_missing_file_or_owner_fails_clearly(feed, tmp_path):
    CandidateFactory(email="cand@example.com")

    with pytest.raises(CommandError, match="Cannot read"):
        import_jobs("--file", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="No user"):
        import_jobs("--file", str(feed), "--owner", "nobody@example.com")
    with pytest.raises(CommandError, match="not a recruiter"):
        import_jobs("--file", str(feed), "--owner", "cand@example.com")


@pytest.mark.django_db
def test_jsearch_results_are_imported(settings):
    settings.JSEARCH_API_KEY = "key"
    settings.JSEARCH_API_URL = "https://jsearch.test/search"
    job = {"job_id": "js-9", "job_title": "SRE", "job_description": BACKEND_DESCRIPTION}
    with respx.mock:
        respx.get("https://jsearch.test/search").mock(
            return_value=httpx.Response(200, json={"data": [job]})
        )
        out, _ = import_jobs("--jsearch", "sre in Berlin", "--pages", "1")

    assert "created 1" in out
    assert Job.objects.get().source == "jsearch"


@pytest.mark.django_db
def test_jsearch_without_a_key_fails_the_command(settings):
    settings.JSEARCH_API_KEY = ""

    with pytest.raises(CommandError, match="JSEARCH_API_KEY"):
        import_jobs("--jsearch", "sre")
