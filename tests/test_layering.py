"""Import circles stay out: no module imports a project module inside a function to dodge
one. Optional third-party packages may still be imported where they are needed.

`apps.py` is the exception: its `ready()` runs once the app registry is loaded, which is
what it is for.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "ai", "ats", "footprint", "gdpr", "interviews", "jobs", "resumes")
PROJECT = {*APPS, "config", "core"}


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def _function_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and any(
                    name.split(".")[0] in PROJECT for name in _imported(node)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


@pytest.mark.parametrize("app", APPS)
def test_no_module_imports_inside_a_function(app):
    modules = [
        path
        for path in sorted((ROOT / app).rglob("*.py"))
        if path.name != "apps.py" and "migrations" not in path.parts
    ]
    assert [hit for path in modules for hit in _function_level_imports(path)] == []


# Each app may import only the apps below it (DESIGN.md, "Layout").
LOWER = {
    "ai": set(),
    "gdpr": set(),
    "accounts": {"ai", "gdpr"},
    "resumes": {"ai", "gdpr", "accounts"},
    "jobs": {"ai", "gdpr", "accounts", "resumes"},
    "ats": {"ai", "gdpr", "accounts", "resumes", "jobs"},
    "interviews": {"ai", "gdpr", "accounts", "resumes", "jobs", "ats"},
    # DESIGN.md: footprint stands beside the chain and imports accounts only.
    "footprint": {"ai", "gdpr", "accounts"},
}


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in _imported(node)
    } & set(LOWER)


@pytest.mark.parametrize("app", sorted(LOWER))
def test_apps_import_only_the_apps_below_them(app):
    upward = {
        f"{path.relative_to(ROOT)} imports {other}"
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for other in _imported_apps(path) - LOWER[app] - {app}
    }
    assert sorted(upward) == []
