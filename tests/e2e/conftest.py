"""Browser tests: Debian's Chromium, driven by Playwright, against a real ASGI server.

One server and one browser serve the whole package; each test gets a fresh browser context
(no cookies) and a page that fails the test on any console error, uncaught script error, or
request to anywhere but the server. Tests write their data with `transactional_db`, so the
server process sees it at once.

Playwright's sync API keeps an asyncio loop marked as running in this thread while the
browser is open, so Django here would refuse database work as "async unsafe". The test
process runs no async code of its own meanwhile, so the package allows it for its duration;
the server process does not need it (it is a real ASGI server).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from playwright.sync_api import expect, sync_playwright

from config import env as conf
from config.env import BASE_DIR
from tests.footprint.fakes import FakeGitHub, FakeStackExchange, repo, serving

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "Chromium is not installed: `apt-get install chromium` runs the browser tests."
PASSWORD = "e2e-Passw0rd-2026"
SERVER_START_SECONDS = 60
SERVER_STOP_SECONDS = 10
LOG_FAILURE_MARKERS = (" ERROR ", "ERROR:", "Traceback")

expect.set_options(timeout=15_000)


@dataclass
class Server:
    netloc: str
    hold: Path
    log: Path
    process: subprocess.Popen
    log_offset: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.netloc}"

    def hold_jobs(self) -> None:
        """Background jobs wait before they start until `release_jobs()`."""
        self.hold.touch()

    def release_jobs(self) -> None:
        self.hold.unlink(missing_ok=True)

    def new_log_errors(self) -> list[str]:
        """Error lines the server logged since the last call."""
        text = self.log.read_text(errors="replace")
        fresh, self.log_offset = text[self.log_offset :], len(text)
        return [line for line in fresh.splitlines() if any(m in line for m in LOG_FAILURE_MARKERS)]


def _test_database_url() -> str:
    """The test database pytest-django created, in DATABASE_URL form for the server."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    return urlsplit(conf.DATABASE_URL)._replace(path=f"/{name}").geturl()


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{server.url}/health", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    server.process.kill()
    pytest.fail(f"The e2e server did not start:\n{server.log.read_text(errors='replace')}")


@pytest.fixture(scope="package")
def footprint_services():
    """Local fakes of GitHub and Stack Exchange, so footprint scans never reach the internet."""
    github = FakeGitHub(
        repos=[repo("engine", stars=30, forks=4, topics=("django",)), repo("notes", stars=2)],
        commits_by_repo={"ada/engine": 40, "ada/notes": 10},
    )
    with serving(github, FakeStackExchange()) as urls:
        yield urls


@pytest.fixture(scope="package")
def e2e_server(django_db_setup, tmp_path_factory, footprint_services):
    """uvicorn serving config.asgi on a free loopback port, on the test database."""
    workdir = tmp_path_factory.mktemp("e2e-server")
    env = {
        **os.environ,
        **footprint_services,
        "DATABASE_URL": _test_database_url(),
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_URL": "memorymail://",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    sock = _listening_socket()
    host, port = sock.getsockname()
    hold, log = workdir / "hold-jobs", workdir / "server.log"
    command = [sys.executable, "-m", "tests.e2e.server", f"--fd={sock.fileno()}", f"--hold={hold}"]
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            pass_fds=[sock.fileno()],
        )
    sock.close()
    server = Server(netloc=f"{host}:{port}", hold=hold, log=log, process=process)
    _wait_until_serving(server)
    yield server
    # Stopped before pytest-django drops the test database (PostgreSQL refuses while the
    # server's pool holds connections to it).
    process.terminate()
    try:
        process.wait(timeout=SERVER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        # .ci/run installs it, so there a missing browser is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
            yield chromium
            chromium.close()


@pytest.fixture
def page(browser, e2e_server, transactional_db):
    """A page in a fresh context; the test fails on console errors and outside requests.

    The browser comes first: without Chromium the tests skip before any server starts."""
    context = browser.new_context(base_url=e2e_server.url)
    outside: list[str] = []
    errors: list[str] = []

    def only_the_server(route):
        url = urlsplit(route.request.url)
        if url.scheme in {"http", "https"} and url.netloc != e2e_server.netloc:
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def socket_opened(websocket):
        if urlsplit(websocket.url).netloc != e2e_server.netloc:
            outside.append(websocket.url)

    context.route("**/*", only_the_server)
    tab = context.new_page()
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    tab.on("websocket", socket_opened)
    e2e_server.new_log_errors()
    yield tab
    e2e_server.release_jobs()
    context.close()
    assert outside == [], "the pages asked for something outside the server"
    assert errors == [], "the browser console reported errors"
    assert e2e_server.new_log_errors() == [], "the server logged errors"


def password_hash() -> str:
    """A hash the server accepts whatever hasher the test settings prefer."""
    hasher = Argon2PasswordHasher()
    return hasher.encode(PASSWORD, hasher.salt())


def sign_in(page, user) -> None:
    page.goto("/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_attached()


def open_menu(page, name: str) -> None:
    """Follow a link of the main navigation, opening the phone menu or the user menu first
    when the link is folded away."""
    nav = page.get_by_role("navigation", name="Main")
    link = nav.get_by_role("link", name=name, exact=True)
    toggle = page.get_by_role("button", name="Menu")
    if not link.is_visible() and toggle.is_visible():
        toggle.click()
    if not link.is_visible():
        nav.locator("[data-user-menu] > summary").click()
    link.click()
