"""Interview score weights and thresholds come from the environment, checked at start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import check_thresholds, parse_score_weights

ROOT = Path(__file__).resolve().parent.parent.parent


def test_weights_are_read_in_any_order_with_spaces():
    weights = parse_score_weights(" clarity=0.1, accuracy=0.4,relevance=0.25 ,completeness=0.25")
    assert weights == {"relevance": 0.25, "completeness": 0.25, "accuracy": 0.4, "clarity": 0.1}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("relevance=0.3,completeness=0.3,accuracy=0.3,clarity=0.3", "sum to 1"),
        ("relevance=0.5,completeness=0.25,accuracy=0.25", "needs all of"),
        ("relevance=0.3,completeness=0.25,accuracy=0.3,clarity=0.15,style=0", "'style'"),
        ("relevance=0.3,relevance=0.25,accuracy=0.3,clarity=0.15", "each once"),
        ("relevance=high,completeness=0.25,accuracy=0.3,clarity=0.15", "needs a number"),
        ("relevance=1.3,completeness=-0.3,accuracy=0,clarity=0", "within 0 to 1"),
    ],
)
def test_bad_weights_refuse_to_start(text, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_score_weights(text)


@pytest.mark.parametrize(("select", "next_round"), [(11, 5), (7.5, -1), (5, 6)])
def test_bad_thresholds_refuse_to_start(select, next_round):
    with pytest.raises(ImproperlyConfigured):
        check_thresholds(select, next_round)


def test_equal_thresholds_are_allowed():
    check_thresholds(6, 6)


def _settings_in_a_new_process(**variables) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.INTERVIEW_SCORE_WEIGHTS['accuracy'], s.INTERVIEW_SELECT_THRESHOLD)"
    )
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**keep, "DJANGO_SETTINGS_MODULE": "config.settings", **variables},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_environment_reaches_settings():
    result = _settings_in_a_new_process(
        INTERVIEW_SCORE_WEIGHTS="relevance=0.25,completeness=0.25,accuracy=0.4,clarity=0.1",
        INTERVIEW_SELECT_THRESHOLD="8",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0.4", "8.0"]


def test_an_invalid_environment_stops_the_start():
    result = _settings_in_a_new_process(INTERVIEW_NEXT_ROUND_THRESHOLD="9")
    assert result.returncode != 0
    assert "INTERVIEW_NEXT_ROUND_THRESHOLD must not exceed" in result.stderr
