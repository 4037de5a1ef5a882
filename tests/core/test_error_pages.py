"""Hirewise's own 404 and 500 pages, with DEBUG off (the default) and on: nobody sees
Django's technical pages (URL patterns, settings, tracebacks)."""

import os
import subprocess
import sys

import pytest

from config.env import BASE_DIR

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.error_urls")]

TECHNICAL = ("Using the URLconf", "Traceback", "Request information", "NOARCHIVE")


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def _assert_ours(response, heading: str) -> None:
    page = response.content.decode()
    assert heading in page
    assert "Hirewise" in page
    for leak in TECHNICAL:
        assert leak not in page


def test_an_unknown_address_gets_our_404(client, debug):
    response = client.get("/no-such-page/", HTTP_ACCEPT="text/html")

    assert response.status_code == 404
    _assert_ours(response, "Page not found")


def test_a_view_that_finds_nothing_gets_our_404(client, debug):
    response = client.get("/missing/", HTTP_ACCEPT="text/html")

    assert response.status_code == 404
    _assert_ours(response, "Page not found")


def test_a_failing_page_gets_our_500_and_the_error_is_logged(client, debug, caplog):
    client.raise_request_exception = False

    response = client.get("/broken/", HTTP_ACCEPT="text/html")

    assert response.status_code == 500
    _assert_ours(response, "Something went wrong on our side")
    assert "a bug in a view" in caplog.text


def test_a_failing_api_call_gets_the_json_error(client, debug):
    client.raise_request_exception = False

    response = client.get("/api/v1/broken/", HTTP_ACCEPT="application/json")

    assert response.status_code == 500
    assert response.json()["error_code"] == "server_error"


@pytest.mark.parametrize(("value", "expected"), [(None, "False"), ("true", "True")])
def test_debug_is_off_unless_asked_for(value, expected):
    """`make run` serves with DEBUG off in development too, unless DEBUG=true is set."""
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    if value is not None:
        env["DEBUG"] = value
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "-c", "from django.conf import settings; print(settings.DEBUG)"],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == expected
