"""Page checks every e2e journey runs on each page it visits: `audit_page(page)`.

At a desktop width (1280 px) and a phone width (390 px) the page must not scroll sideways,
and axe-core (the npm package in tests/e2e/node_modules, installed by `make test` from the
committed package-lock.json) must find no serious or critical accessibility violation.

axe is evaluated through the DevTools protocol, not added as a <script>, so the page's CSP
stays as strict as in production. Third-party pages (Swagger UI, ReDoc, the Django admin) get
the overflow check only: their markup is not ours to fix.
"""

from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = "axe-core is not installed: run `make test` (or `npm ci` in tests/e2e)."
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
BLOCKING_IMPACTS = {"serious", "critical"}
THIRD_PARTY_PATHS = ("/docs", "/redoc", "/admin/")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@cache
def _axe_source() -> str:
    if not AXE.exists():
        raise AssertionError(AXE_MISSING)
    return AXE.read_text()


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0: it fits)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def accessibility_violations(page) -> list[str]:
    """Serious and critical axe-core violations, one readable line each."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => window.axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def _ours(page) -> bool:
    return not urlsplit(page.url).path.startswith(THIRD_PARTY_PATHS)


def audit_page(page, *, accessibility: bool = True) -> None:
    """Fail unless the current page fits a phone and passes axe at 1280 and 390 px.

    Leaves the page at the width it had. `accessibility=False` for pages whose markup we
    do not write (third-party pages skip axe on their own)."""
    original = page.viewport_size or DESKTOP
    problems = []
    try:
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            overflow = horizontal_overflow(page)
            if overflow > 0:
                problems.append(f"{size['width']} px: the page scrolls sideways by {overflow} px")
            if accessibility and _ours(page):
                problems += [f"{size['width']} px: {v}" for v in accessibility_violations(page)]
    finally:
        page.set_viewport_size(original)
    assert problems == [], f"{page.url} failed its audit:\n" + "\n".join(problems)
