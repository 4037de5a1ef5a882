"""Production settings: refuse to start without secrets, and pass `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "ENVIRONMENT": "production",
    "SECRET_KEY": "p7$Vq9!xL2@rT5#wK8^mN3&bH6*jD4(fG1)sZ0_cY7+eU2=aR9",
    "PII_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "ALLOWED_HOSTS": "hirewise.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DATABASE_URL": "postgres://hirewise@db.internal:5432/hirewise",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "TMPDIR"}}
    return subprocess.run(  # noqa: S603 - fixed arguments, our own interpreter
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**keep, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when ENVIRONMENT=production" in result.stderr


def test_production_refuses_to_start_without_encryption_keys():
    env = {k: v for k, v in PRODUCTION.items() if k != "PII_ENCRYPTION_KEYS"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "PII_ENCRYPTION_KEYS must be set" in result.stderr


def test_development_defaults_need_no_environment_at_all():
    result = manage("check", env={"DATABASE_URL": "sqlite:////tmp/hirewise-check.sqlite3"})
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_redis():
    env = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "REDIS_URL must be set when ENVIRONMENT=production" in result.stderr
    assert "ALLOW_SINGLE_PROCESS=true" in result.stderr


def test_production_runs_one_process_without_redis_when_told_to():
    env = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**env, "ALLOW_SINGLE_PROCESS": "true"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_names_the_bad_encryption_key_without_printing_it():
    bad_key = "not-a-fernet-key-but-a-secret-all-the-same"
    keys = f"{PRODUCTION['PII_ENCRYPTION_KEYS']},{bad_key}"
    result = manage("check", env={**PRODUCTION, "PII_ENCRYPTION_KEYS": keys})
    assert result.returncode != 0
    assert "PII_ENCRYPTION_KEYS key 2 of 2 is not a Fernet key" in result.stderr
    assert bad_key not in result.stdout + result.stderr


def test_production_allows_no_cross_origin_caller_by_default():
    show = "from django.conf import settings; print(repr(settings.CORS_ALLOWED_ORIGINS))"
    production = manage("shell", "--no-imports", "-c", show, env=PRODUCTION)
    development = manage(
        "shell", "--no-imports", "-c", show, env={"DATABASE_URL": "sqlite:////tmp/x.sqlite3"}
    )
    assert production.stdout.strip() == "[]", production.stderr
    assert "http://localhost:5173" in development.stdout
