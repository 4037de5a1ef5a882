"""Fake GitHub and Stack Exchange APIs at the HTTP boundary, for the client tests, the scan
tests and the browser journey (served by a real local HTTP server there).

Each fake answers `(path, query)` with `(status, headers, body)` and records every request,
so tests count exactly the calls a scan spends.
"""

import gzip
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import httpx

RESET_EPOCH = 1_900_000_000  # 2030-03-17T17:46:40Z


def repo(
    name,
    *,
    owner="ada",
    stars=0,
    forks=0,
    fork=False,
    language="Python",
    topics=(),
    size=10,
    description=True,
    license=True,
):
    return {
        "full_name": f"{owner}/{name}",
        "name": name,
        "fork": fork,
        "stargazers_count": stars,
        "forks_count": forks,
        "language": language,
        "topics": list(topics),
        "description": "A project" if description else None,
        "license": {"key": "mit"} if license else None,
        "archived": False,
        "size": size,
    }


@dataclass
class FakeGitHub:
    login: str = "ada"
    profile: dict = field(default_factory=dict)
    repos: list = field(default_factory=list)
    orgs: list = field(default_factory=lambda: [{"login": "analytical-engines"}])
    merged_prs: int = 4
    merged_repos: tuple = ("python/cpython", "django/django")
    issues: int = 6
    reviews: int = 3
    commits_total: int = 120
    commits_by_repo: dict = field(default_factory=dict)
    events: list = field(default_factory=list)
    remaining: int = 59
    # path prefix → (status, headers, body): answers that replace the normal one
    overrides: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)

    def answer(self, path: str, query: dict) -> tuple[int, dict, object]:
        self.requests.append((path, query))
        for prefix, canned in self.overrides.items():
            if path.startswith(prefix):
                return canned
        headers = {
            "X-RateLimit-Limit": "60",
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(RESET_EPOCH),
            "X-RateLimit-Resource": "search" if path.startswith("/search/") else "core",
        }
        base = f"/users/{self.login}"
        if path == base:
            return 200, headers, self._profile()
        if path == f"{base}/repos":
            page, size = int(query.get("page", 1)), int(query.get("per_page", 30))
            return 200, headers, self.repos[(page - 1) * size : page * size]
        if path == f"{base}/orgs":
            return 200, headers, self.orgs
        if path == f"{base}/events/public":
            return 200, headers, self.events
        if path == "/search/issues":
            return 200, headers, self._search_issues(query.get("q", ""))
        if path == "/search/commits":
            return 200, headers, self._search_commits()
        return 404, headers, {"message": "Not Found"}

    def _profile(self) -> dict:
        return {
            "login": self.login,
            "name": "Ada Lovelace",
            "company": "Analytical Engines Ltd",
            "blog": "https://ada.dev",
            "location": "London",
            "email": "ada@example.com",
            "hireable": True,
            "bio": "Writes the first programs.",
            "twitter_username": None,
            "public_repos": len(self.repos),
            "followers": 12,
            "following": 3,
            "created_at": "2015-01-01T00:00:00Z",
            "html_url": f"https://github.com/{self.login}",
            **self.profile,
        }

    def _search_issues(self, query: str) -> dict:
        if "is:merged" in query:
            items = [
                {"repository_url": f"https://api.github.com/repos/{name}"}
                for name in self.merged_repos
            ]
            return {"total_count": self.merged_prs, "items": items}
        if "reviewed-by" in query:
            return {"total_count": self.reviews, "items": []}
        return {"total_count": self.issues, "items": []}

    def _search_commits(self) -> dict:
        items = [
            {"repository": {"full_name": name}}
            for name, count in self.commits_by_repo.items()
            for _ in range(count)
        ]
        return {"total_count": self.commits_total, "items": items[:100]}


@dataclass
class FakeStackExchange:
    user_id: int = 22656
    reputation: int = 1500
    answers: list = field(
        default_factory=lambda: [{"is_accepted": True, "score": 10}] * 3
        + [{"is_accepted": False, "score": 2}] * 5
    )
    top_tags: list = field(
        default_factory=lambda: [
            {
                "tag_name": "python",
                "answer_count": 6,
                "answer_score": 40,
                "question_count": 1,
                "question_score": 2,
            },
            {
                "tag_name": "django",
                "answer_count": 2,
                "answer_score": 8,
                "question_count": 0,
                "question_score": 0,
            },
        ]
    )
    quota_remaining: int = 290
    backoff: int | None = None
    overrides: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)

    def answer(self, path: str, query: dict) -> tuple[int, dict, object]:
        self.requests.append((path, query))
        for prefix, canned in self.overrides.items():
            if path.startswith(prefix):
                return canned
        base = f"/users/{self.user_id}"
        if path == base:
            body = {"items": [self._user()], "has_more": False}
        elif path.startswith("/users/") and path.count("/") == 2:
            body = {"items": [], "has_more": False}
        elif path == f"{base}/top-tags":
            body = {"items": self.top_tags, "has_more": False}
        elif path == f"{base}/answers" and query.get("filter") == "total":
            body = {"total": len(self.answers)}
        elif path == f"{base}/answers":
            page, size = int(query.get("page", 1)), int(query.get("pagesize", 30))
            chunk = self.answers[(page - 1) * size : page * size]
            body = {"items": chunk, "has_more": page * size < len(self.answers)}
        else:
            return (
                400,
                {},
                {"error_id": 400, "error_name": "bad_parameter", "error_message": "no such method"},
            )
        body.update({"quota_remaining": self.quota_remaining, "quota_max": 300})
        if self.backoff:
            body["backoff"] = self.backoff
        return 200, {}, body

    def _user(self) -> dict:
        return {
            "user_id": self.user_id,
            "display_name": "Ada L.",
            "reputation": self.reputation,
            "badge_counts": {"gold": 0, "silver": 2, "bronze": 9},
            "location": "London, UK",
            "website_url": "",
            "link": f"https://stackoverflow.com/users/{self.user_id}/ada",
            "creation_date": 1_400_000_000,
            "user_type": "registered",
        }


def _query(url: httpx.URL) -> dict:
    return {key: values[-1] for key, values in parse_qs(url.query.decode()).items()}


def mock_transport(fake, *, prefix: str = "", gzip_body: bool = False) -> httpx.MockTransport:
    """The fake as an httpx transport; `prefix` is the base URL's path (e.g. "/2.3")."""

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix(prefix)
        status, headers, body = fake.answer(path, _query(request.url))
        content = json.dumps(body).encode()
        if gzip_body:
            content = gzip.compress(content)
            headers = {**headers, "Content-Encoding": "gzip"}
        return httpx.Response(
            status, headers={**headers, "Content-Type": "application/json"}, content=content
        )

    return httpx.MockTransport(handle)


def routing_transport(github: FakeGitHub, stack: FakeStackExchange) -> httpx.MockTransport:
    """One transport for both fakes, told apart by host (the default base URLs)."""
    github_transport = mock_transport(github)
    stack_transport = mock_transport(stack, prefix="/2.3", gzip_body=True)

    def handle(request: httpx.Request) -> httpx.Response:
        target = github_transport if request.url.host == "api.github.com" else stack_transport
        return target.handle_request(request)

    return httpx.MockTransport(handle)


def split_path(url: str) -> tuple[str, dict]:
    parts = urlsplit(url)
    return parts.path, {key: values[-1] for key, values in parse_qs(parts.query).items()}


class _FakeHandler(BaseHTTPRequestHandler):
    """GET /github/... to the GitHub fake, /stackexchange/2.3/... to the Stack Exchange one."""

    fakes: dict = {}

    def do_GET(self):
        path, query = split_path(self.path)
        service, _, rest = path.lstrip("/").partition("/")
        fake = self.fakes.get(service)
        if fake is None:
            status, headers, body = 404, {}, {"message": "Not Found"}
        else:
            rest = "/" + rest.removeprefix("2.3/") if service == "stackexchange" else "/" + rest
            status, headers, body = fake.answer(rest, query)
        content = json.dumps(body).encode()
        self.send_response(status)
        for name, value in {**headers, "Content-Type": "application/json"}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        pass


@contextmanager
def serving(github: FakeGitHub, stack: FakeStackExchange):
    """A real HTTP server on a free loopback port answering as both fakes; yields the base
    URLs to put in GITHUB_API_URL and STACKEXCHANGE_API_URL."""
    handler = type(
        "Handler", (_FakeHandler,), {"fakes": {"github": github, "stackexchange": stack}}
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield {
            "GITHUB_API_URL": f"{base}/github",
            "STACKEXCHANGE_API_URL": f"{base}/stackexchange/2.3",
        }
    finally:
        server.shutdown()
        server.server_close()
