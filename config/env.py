"""Every environment variable Hirewise reads, in one place, with typed defaults.

The defaults are the embedded mode: no service needs to run. Production
(`ENVIRONMENT=production`) has no default for secrets and refuses to start
without them. Each variable here appears in the README's configuration table.
"""

from pathlib import Path

import environ
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

ENVIRONMENT = env.str("ENVIRONMENT", default="development")
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured("ENVIRONMENT must be 'development' or 'production'.")
IS_PRODUCTION = ENVIRONMENT == "production"

# A development key, never used in production (see require() below).
_DEVELOPMENT_SECRET_KEY = "development-only-" + "x7Rk2pQ9vLm4Tz8Wb3Nc6Yh1Jd5Fs0Ga"


def require(name: str) -> str:
    """Return a mandatory production variable or refuse to start."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when ENVIRONMENT=production.")
    return value


SECRET_KEY = (
    require("SECRET_KEY")
    if IS_PRODUCTION
    else env.str("SECRET_KEY", default=_DEVELOPMENT_SECRET_KEY)
)
# Off unless asked for: `make run` must not show debug pages to anyone on the network.
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Production allows no cross-origin caller unless named; development allows the usual dev servers.
CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS",
    default=[] if IS_PRODUCTION else ["http://localhost:3000", "http://localhost:5173"],
)
# The public address, for links in emails.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=IS_PRODUCTION)
# How many reverse proxies sit in front of the app; their X-Forwarded-For entries are trusted.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

DATABASE_URL = env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASE_POOL_MAX_SIZE = env.int("DATABASE_POOL_MAX_SIZE", default=10)
REDIS_URL = env.str("REDIS_URL", default="")
# Without Redis, rate limits, the cache and background jobs live in one process; production
# must say so on purpose, since several processes would each count and run on their own.
ALLOW_SINGLE_PROCESS = env.bool("ALLOW_SINGLE_PROCESS", default=False)
if IS_PRODUCTION and not REDIS_URL and not ALLOW_SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "REDIS_URL must be set when ENVIRONMENT=production (rate limits and background jobs "
        "are per process without it); set ALLOW_SINGLE_PROCESS=true to run one process on "
        "purpose."
    )
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
# Durable background jobs (core/durable.py): a job without progress for this long lost its
# worker or its message and is sent again, at most this many times, by a sweep this often.
JOB_STALE_AFTER_SECONDS = env.int("JOB_STALE_AFTER_SECONDS", default=300)
JOB_SWEEP_INTERVAL_SECONDS = env.int("JOB_SWEEP_INTERVAL_SECONDS", default=60)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=3)
# How often data past its retention period is purged (gdpr.tasks.purge_expired_data).
RETENTION_PURGE_INTERVAL_SECONDS = env.int("RETENTION_PURGE_INTERVAL_SECONDS", default=86400)
# How long the link confirming an anonymous applicant's export or erasure request works.
GDPR_REQUEST_LINK_TTL_HOURS = env.int("GDPR_REQUEST_LINK_TTL_HOURS", default=24)

ACCESS_TOKEN_LIFETIME_MINUTES = env.int("ACCESS_TOKEN_LIFETIME_MINUTES", default=15)
REFRESH_TOKEN_LIFETIME_DAYS = env.int("REFRESH_TOKEN_LIFETIME_DAYS", default=7)


def validate_fernet_keys(keys: list[str]) -> list[str]:
    """Refuse to start on a key that is not a Fernet key, naming its position, never its value."""
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ImproperlyConfigured(
                f"PII_ENCRYPTION_KEYS key {position} of {len(keys)} is not a Fernet key "
                "(32 url-safe base64-encoded bytes); generate one with "
                "`python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`."
            ) from None
    return keys


# Comma-separated Fernet keys, newest first; older keys still decrypt (rotation).
PII_ENCRYPTION_KEYS = validate_fernet_keys(
    [key.strip() for key in require("PII_ENCRYPTION_KEYS").split(",")]
    if IS_PRODUCTION
    else [key.strip() for key in env.list("PII_ENCRYPTION_KEYS", default=[]) if key.strip()]
)

# How long a data export's download link works; then the file is deleted.
GDPR_EXPORT_TTL_HOURS = env.int("GDPR_EXPORT_TTL_HOURS", default=48)

RATE_LIMIT_ENABLED = env.bool("RATE_LIMIT_ENABLED", default=True)
RATE_LIMIT_LOGIN_IP = env.str("RATE_LIMIT_LOGIN_IP", default="20/m")
RATE_LIMIT_LOGIN_EMAIL = env.str("RATE_LIMIT_LOGIN_EMAIL", default="5/m")
RATE_LIMIT_REGISTER_IP = env.str("RATE_LIMIT_REGISTER_IP", default="10/h")
RATE_LIMIT_REGISTER_EMAIL = env.str("RATE_LIMIT_REGISTER_EMAIL", default="5/h")
RATE_LIMIT_PASSWORD_RESET_IP = env.str("RATE_LIMIT_PASSWORD_RESET_IP", default="10/h")
RATE_LIMIT_PASSWORD_RESET_EMAIL = env.str("RATE_LIMIT_PASSWORD_RESET_EMAIL", default="3/h")
RATE_LIMIT_GDPR_REQUEST_IP = env.str("RATE_LIMIT_GDPR_REQUEST_IP", default="10/h")
RATE_LIMIT_GDPR_REQUEST_EMAIL = env.str("RATE_LIMIT_GDPR_REQUEST_EMAIL", default="3/h")
RATE_LIMIT_VERIFY_EMAIL = env.str("RATE_LIMIT_VERIFY_EMAIL", default="3/h")
RATE_LIMIT_RESUME_UPLOAD = env.str("RATE_LIMIT_RESUME_UPLOAD", default="30/h")
RATE_LIMIT_ANALYSIS = env.str("RATE_LIMIT_ANALYSIS", default="60/h")
RATE_LIMIT_GENERATION = env.str("RATE_LIMIT_GENERATION", default="120/h")
RATE_LIMIT_CHAT = env.str("RATE_LIMIT_CHAT", default="300/h")
RATE_LIMIT_JOB_MATCH = env.str("RATE_LIMIT_JOB_MATCH", default="120/h")
RATE_LIMIT_JOB_IMPORT = env.str("RATE_LIMIT_JOB_IMPORT", default="20/h")
RATE_LIMIT_MEETINGS = env.str("RATE_LIMIT_MEETINGS", default="60/h")
RATE_LIMIT_APPLY_IP = env.str("RATE_LIMIT_APPLY_IP", default="20/h")
RATE_LIMIT_GDPR_EXPORT = env.str("RATE_LIMIT_GDPR_EXPORT", default="5/d")
RATE_LIMIT_GDPR_ERASURE = env.str("RATE_LIMIT_GDPR_ERASURE", default="5/h")

# WebSockets: the largest message taken, messages per minute per connection (0: no limit),
# and how long a socket may stay open without credentials.
REALTIME_MAX_MESSAGE_BYTES = env.int("REALTIME_MAX_MESSAGE_BYTES", default=512 * 1024)
REALTIME_MESSAGES_PER_MINUTE = env.int("REALTIME_MESSAGES_PER_MINUTE", default=120)
REALTIME_AUTH_TIMEOUT_SECONDS = env.float("REALTIME_AUTH_TIMEOUT_SECONDS", default=10.0)

EMAIL_URL = env.str("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Hirewise <no-reply@hirewise.local>")

MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")

RESUME_MAX_UPLOAD_MB = env.int("RESUME_MAX_UPLOAD_MB", default=10)
JOB_IMPORT_MAX_UPLOAD_MB = env.int("JOB_IMPORT_MAX_UPLOAD_MB", default=5)
JOB_IMPORT_MAX_ROWS = env.int("JOB_IMPORT_MAX_ROWS", default=5000)
# Optional local tools; found on PATH when unset, and their features are refused clearly without.
TESSERACT_CMD = env.str("TESSERACT_CMD", default="")
ANTIWORD_CMD = env.str("ANTIWORD_CMD", default="")
LIBREOFFICE_CMD = env.str("LIBREOFFICE_CMD", default="")
SCORE_PARTS = ("relevance", "completeness", "accuracy", "clarity")


def parse_score_weights(text: str) -> dict[str, float]:
    """'relevance=0.3,completeness=0.25,...' → weights of the four parts, which must sum to 1."""
    weights: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = (piece.strip() for piece in item.partition("="))
        if name not in SCORE_PARTS or name in weights:
            raise ImproperlyConfigured(
                f"INTERVIEW_SCORE_WEIGHTS: {name!r} is not one of {', '.join(SCORE_PARTS)}"
                " (each once)."
            )
        try:
            weights[name] = float(value)
        except ValueError:
            raise ImproperlyConfigured(
                f"INTERVIEW_SCORE_WEIGHTS: {name} needs a number, not {value!r}."
            ) from None
        if not 0 <= weights[name] <= 1:
            raise ImproperlyConfigured(f"INTERVIEW_SCORE_WEIGHTS: {name} must be within 0 to 1.")
    if set(weights) != set(SCORE_PARTS):
        raise ImproperlyConfigured(
            f"INTERVIEW_SCORE_WEIGHTS needs all of {', '.join(SCORE_PARTS)}."
        )
    if abs(sum(weights.values()) - 1) > 1e-6:
        raise ImproperlyConfigured("INTERVIEW_SCORE_WEIGHTS must sum to 1.")
    return weights


def check_thresholds(select: float, next_round: float) -> None:
    """Both within 0 to 10, and next_round no higher than select, or refuse to start."""
    if not (0 <= next_round <= 10 and 0 <= select <= 10):
        raise ImproperlyConfigured("INTERVIEW_*_THRESHOLD values must be within 0 to 10.")
    if next_round > select:
        raise ImproperlyConfigured(
            "INTERVIEW_NEXT_ROUND_THRESHOLD must not exceed INTERVIEW_SELECT_THRESHOLD."
        )


# Interview scoring: the overall score's weights and the recommendation's thresholds (0 to 10).
INTERVIEW_SCORE_WEIGHTS = parse_score_weights(
    env.str(
        "INTERVIEW_SCORE_WEIGHTS",
        default="relevance=0.30,completeness=0.25,accuracy=0.30,clarity=0.15",
    )
)
INTERVIEW_SELECT_THRESHOLD = env.float("INTERVIEW_SELECT_THRESHOLD", default=7.5)
INTERVIEW_NEXT_ROUND_THRESHOLD = env.float("INTERVIEW_NEXT_ROUND_THRESHOLD", default=5.0)
check_thresholds(INTERVIEW_SELECT_THRESHOLD, INTERVIEW_NEXT_ROUND_THRESHOLD)
# "auto" uses sentence embeddings when the optional extra is installed, else TF-IDF.
SIMILARITY_BACKEND = env.str("SIMILARITY_BACKEND", default="auto")

# External services: each is optional; an offline fallback serves when its key is unset.
GEMINI_API_KEY = env.str("GEMINI_API_KEY", default="")
GEMINI_MODEL = env.str("GEMINI_MODEL", default="gemini-2.5-flash")
AI_TIMEOUT_SECONDS = env.float("AI_TIMEOUT_SECONDS", default=30.0)
AI_MAX_RETRIES = env.int("AI_MAX_RETRIES", default=2)
GITHUB_TOKEN = env.str("GITHUB_TOKEN", default="")
# Base URLs of the outside services: point them at GitHub Enterprise or a local fake.
GITHUB_API_URL = env.str("GITHUB_API_URL", default="https://api.github.com")
# STACKOVERFLOW_KEY is UtopiaHire's name for the same key, still read when the new one is unset.
STACKEXCHANGE_KEY = env.str("STACKEXCHANGE_KEY", default="") or env.str(
    "STACKOVERFLOW_KEY", default=""
)
STACKEXCHANGE_API_URL = env.str(
    "STACKEXCHANGE_API_URL", default="https://api.stackexchange.com/2.3"
)
# Footprint scans: how long a profile's public data is reused, and the longest pause a scan
# sits through when a service asks to slow down (longer: the source is retried later).
FOOTPRINT_CACHE_HOURS = env.int("FOOTPRINT_CACHE_HOURS", default=24)
FOOTPRINT_MAX_WAIT_SECONDS = env.float("FOOTPRINT_MAX_WAIT_SECONDS", default=10.0)
RATE_LIMIT_FOOTPRINT = env.str("RATE_LIMIT_FOOTPRINT", default="10/h")
JSEARCH_API_KEY = env.str("JSEARCH_API_KEY", default="")
JSEARCH_API_HOST = env.str("JSEARCH_API_HOST", default="jsearch.p.rapidapi.com")
JSEARCH_API_URL = env.str("JSEARCH_API_URL", default="https://jsearch.p.rapidapi.com/search")
JSEARCH_TIMEOUT_SECONDS = env.float("JSEARCH_TIMEOUT_SECONDS", default=15.0)
JSEARCH_MAX_RETRIES = env.int("JSEARCH_MAX_RETRIES", default=3)
ZOOM_ACCOUNT_ID = env.str("ZOOM_ACCOUNT_ID", default="")
ZOOM_CLIENT_ID = env.str("ZOOM_CLIENT_ID", default="")
ZOOM_CLIENT_SECRET = env.str("ZOOM_CLIENT_SECRET", default="")
ZOOM_API_URL = env.str("ZOOM_API_URL", default="https://api.zoom.us/v2")
ZOOM_OAUTH_URL = env.str("ZOOM_OAUTH_URL", default="https://zoom.us/oauth/token")
ZOOM_WEBHOOK_SECRET = env.str("ZOOM_WEBHOOK_SECRET", default="")
JITSI_BASE_URL = env.str("JITSI_BASE_URL", default="https://meet.jit.si").rstrip("/")
