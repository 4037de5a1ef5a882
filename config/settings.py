"""Django settings. Values come from config/env.py; this module only arranges them."""

import os
from datetime import timedelta

from config import env as conf
from config.env import BASE_DIR

SECRET_KEY = conf.SECRET_KEY
DEBUG = conf.DEBUG
ALLOWED_HOSTS = conf.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = conf.CSRF_TRUSTED_ORIGINS
ENVIRONMENT = conf.ENVIRONMENT
HIREWISE_VERSION = "0.1.0"
SITE_URL = conf.SITE_URL

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "corsheaders",
    "django_ratelimit",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "core",
    "gdpr",
    "accounts",
    "resumes",
    "jobs",
    "ats",
    "interviews",
    "footprint",
]

MIDDLEWARE = [
    "core.middleware.ProcessTimeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.consent.DataSubjectMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.OwnErrorPagesMiddleware",
    "core.middleware.SynchronousChainMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# --- Data stores -----------------------------------------------------------------------------

DATABASES = {"default": conf.env.db_url_config(conf.DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL (set once per file, see core/apps.py) let concurrent ASGI
    # requests write without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA synchronous=NORMAL;",
    }
    # A file, not shared-cache memory, so tests see the same locking as the embedded server;
    # one per test process, so two test runs on one checkout do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}
else:
    # A connection pool per process; persistent per-thread connections leak under ASGI.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "pool": {"min_size": 1, "max_size": conf.DATABASE_POOL_MAX_SIZE, "timeout": 10}
    }

if conf.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": conf.REDIS_URL,
            "KEY_PREFIX": "hirewise",
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [conf.REDIS_URL], "prefix": "hirewise"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # One process in the embedded mode, so a process-local counter is the right scope.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

REALTIME_MAX_MESSAGE_BYTES = conf.REALTIME_MAX_MESSAGE_BYTES
REALTIME_MESSAGES_PER_MINUTE = conf.REALTIME_MESSAGES_PER_MINUTE
REALTIME_AUTH_TIMEOUT_SECONDS = conf.REALTIME_AUTH_TIMEOUT_SECONDS

# --- Background work -------------------------------------------------------------------------

CELERY_BROKER_URL = conf.CELERY_BROKER_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# Run by `celery -A config beat` in scale-out; reads treat expired jobs as closed regardless.
# The embedded mode runs the same schedule on a timer thread (core.background).
CELERY_BEAT_SCHEDULE = {
    "close-expired-jobs": {"task": "jobs.tasks.close_expired_jobs", "schedule": 15 * 60},
    "sweep-durable-jobs": {
        "task": "core.tasks.sweep_durable_jobs",
        "schedule": conf.JOB_SWEEP_INTERVAL_SECONDS,
    },
    "purge-expired-data": {
        "task": "gdpr.tasks.purge_expired_data",
        "schedule": conf.RETENTION_PURGE_INTERVAL_SECONDS,
    },
    "expire-data-exports": {"task": "gdpr.tasks.expire_exports", "schedule": 60 * 60},
}
JOB_STALE_AFTER_SECONDS = conf.JOB_STALE_AFTER_SECONDS
JOB_MAX_ATTEMPTS = conf.JOB_MAX_ATTEMPTS
# "celery" sends to the broker; "thread" runs in this process without blocking the request;
# "inline" (tests only) runs at once in the caller.
BACKGROUND_TASK_MODE = "celery" if CELERY_BROKER_URL else "thread"

# --- Accounts and authentication -------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=conf.ACCESS_TOKEN_LIFETIME_MINUTES),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=conf.REFRESH_TOKEN_LIFETIME_DAYS),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": False,
    "SIGNING_KEY": SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    # Tokens carry a hash of the password, so changing it signs every device out.
    "CHECK_REVOKE_TOKEN": True,
    "REVOKE_TOKEN_CLAIM": "pwd",
}

RATELIMIT_ENABLE = conf.RATE_LIMIT_ENABLED
RATELIMIT_IP_META_KEY = "core.http.client_ip"
TRUSTED_PROXY_COUNT = conf.TRUSTED_PROXY_COUNT
RATE_LIMITS = {
    "login_ip": conf.RATE_LIMIT_LOGIN_IP,
    "login_email": conf.RATE_LIMIT_LOGIN_EMAIL,
    "register_ip": conf.RATE_LIMIT_REGISTER_IP,
    "register_email": conf.RATE_LIMIT_REGISTER_EMAIL,
    "password_reset_ip": conf.RATE_LIMIT_PASSWORD_RESET_IP,
    "password_reset_email": conf.RATE_LIMIT_PASSWORD_RESET_EMAIL,
    "gdpr_request_ip": conf.RATE_LIMIT_GDPR_REQUEST_IP,
    "gdpr_request_email": conf.RATE_LIMIT_GDPR_REQUEST_EMAIL,
    "verify_email": conf.RATE_LIMIT_VERIFY_EMAIL,
    "resume_upload": conf.RATE_LIMIT_RESUME_UPLOAD,
    "analysis": conf.RATE_LIMIT_ANALYSIS,
    "generation": conf.RATE_LIMIT_GENERATION,
    "chat": conf.RATE_LIMIT_CHAT,
    "job_match": conf.RATE_LIMIT_JOB_MATCH,
    "job_import": conf.RATE_LIMIT_JOB_IMPORT,
    "meetings": conf.RATE_LIMIT_MEETINGS,
    "apply_ip": conf.RATE_LIMIT_APPLY_IP,
    "footprint_scan": conf.RATE_LIMIT_FOOTPRINT,
    "gdpr_export": conf.RATE_LIMIT_GDPR_EXPORT,
    "gdpr_erasure": conf.RATE_LIMIT_GDPR_ERASURE,
}

# --- API -------------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON only: form encodings read "" as "not sent" and "on" as true, which no JSON schema
    # says. Views taking files (or the OAuth2 password form) add their parsers.
    "DEFAULT_PARSER_CLASSES": ["core.api.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PagePagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "core.api.exceptions.api_exception_handler",
    "DEFAULT_METADATA_CLASS": "core.api.metadata.EndpointMetadata",
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.HirewiseAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # `?format=` names a file format on export/download endpoints, not a DRF renderer.
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hirewise API",
    "DESCRIPTION": "AI-assisted hiring: resumes, jobs, applications, interviews, privacy.",
    "VERSION": HIREWISE_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "AnalysisStatusEnum": "resumes.models.AnalysisStatus",
        "RoleEnum": "accounts.models.Role",
        "SelfServiceRoleEnum": "accounts.models.SELF_SERVICE_ROLE_CHOICES",
        "JobStatusEnum": "jobs.models.JobStatus",
        "WorkModeEnum": "jobs.models.WorkMode",
        "StageEnum": "ats.stages.Stage",
        "ApplicationSourceEnum": "ats.models.ApplicationSource",
        "QuestionTypeEnum": "interviews.models.QuestionType",
        "DifficultyEnum": "interviews.models.Difficulty",
        "DataExportStatusEnum": "gdpr.models.ExportStatus",
        "LiveInterviewStatusEnum": "interviews.models.LiveStatus",
        "InterviewRecommendationEnum": "interviews.models.Recommendation",
        "ScorecardRecommendationEnum": "ats.models.Recommendation",
        "ScanStatusEnum": "footprint.models.ScanStatus",
        "PrivacyRiskEnum": "footprint.exposure.RISK_LEVELS",
        "FootprintSourceStateEnum": "footprint.models.SOURCE_STATES",
        "MeetingStatusEnum": "interviews.video.models.MeetingStatus",
        "MeetingProviderEnum": "interviews.video.models.MeetingProvider",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.document_error_responses",
    ],
}

CORS_ALLOWED_ORIGINS = conf.CORS_ALLOWED_ORIGINS
CORS_EXPOSE_HEADERS = [
    "X-Process-Time",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "Retry-After",
]

# --- Privacy ---------------------------------------------------------------------------------

PII_ENCRYPTION_KEYS = conf.PII_ENCRYPTION_KEYS
GDPR_REQUEST_LINK_TTL_HOURS = conf.GDPR_REQUEST_LINK_TTL_HOURS
GDPR_EXPORT_TTL_HOURS = conf.GDPR_EXPORT_TTL_HOURS

# --- External services (configured when their key is set) ------------------------------------

EXTERNAL_SERVICES = {
    "ai": bool(conf.GEMINI_API_KEY),
    "github": bool(conf.GITHUB_TOKEN),
    "stackoverflow": bool(conf.STACKEXCHANGE_KEY),
    "jsearch": bool(conf.JSEARCH_API_KEY),
    "zoom": bool(conf.ZOOM_ACCOUNT_ID and conf.ZOOM_CLIENT_ID and conf.ZOOM_CLIENT_SECRET),
}
GEMINI_API_KEY = conf.GEMINI_API_KEY
GEMINI_MODEL = conf.GEMINI_MODEL
AI_TIMEOUT_SECONDS = conf.AI_TIMEOUT_SECONDS
AI_MAX_RETRIES = conf.AI_MAX_RETRIES
SIMILARITY_BACKEND = conf.SIMILARITY_BACKEND
INTERVIEW_SCORE_WEIGHTS = conf.INTERVIEW_SCORE_WEIGHTS
INTERVIEW_SELECT_THRESHOLD = conf.INTERVIEW_SELECT_THRESHOLD
INTERVIEW_NEXT_ROUND_THRESHOLD = conf.INTERVIEW_NEXT_ROUND_THRESHOLD
GITHUB_TOKEN = conf.GITHUB_TOKEN
GITHUB_API_URL = conf.GITHUB_API_URL
STACKEXCHANGE_KEY = conf.STACKEXCHANGE_KEY
STACKEXCHANGE_API_URL = conf.STACKEXCHANGE_API_URL
FOOTPRINT_CACHE_SECONDS = conf.FOOTPRINT_CACHE_HOURS * 3600
FOOTPRINT_MAX_WAIT_SECONDS = conf.FOOTPRINT_MAX_WAIT_SECONDS
# Calls one scan may spend: the public APIs allow 60 GitHub calls an hour and 300 Stack
# Exchange calls a day per address without a key.
FOOTPRINT_CALL_BUDGET = {"github": 10, "stackexchange": 5}
# Percentile curves: an input at its median scores 0.5 (1 - 2^(-value/median)); the weights
# say how much each input counts in its score. Medians describe a typical public developer.
FOOTPRINT_SCORING = {
    "activity": {
        "commits": {"median": 300, "weight": 3},
        "merged_prs_elsewhere": {"median": 5, "weight": 3},
        "issues": {"median": 10, "weight": 1},
        "reviews": {"median": 10, "weight": 2},
        "recent_events": {"median": 30, "weight": 1},
        "answers": {"median": 20, "weight": 2},
    },
    "impact": {
        "stars": {"median": 20, "weight": 3},
        "followers": {"median": 10, "weight": 2},
        "forks": {"median": 5, "weight": 1},
        "merged_prs_elsewhere": {"median": 5, "weight": 2},
        "reputation": {"median": 500, "weight": 3},
        "accepted_answers": {"median": 5, "weight": 2},
    },
    "expertise": {
        "skills": {"median": 6, "weight": 1},
        "top_skill_evidence": {"median": 10, "weight": 1},
    },
    "overall": {
        "visibility": 15,
        "activity": 25,
        "impact": 25,
        "expertise": 20,
        "professional": 15,
    },
    # A repository counts only with at least this many of the user's commits (when known).
    "min_commits_per_repo": 3,
}
JSEARCH_API_KEY = conf.JSEARCH_API_KEY
JSEARCH_API_HOST = conf.JSEARCH_API_HOST
JSEARCH_API_URL = conf.JSEARCH_API_URL
JSEARCH_TIMEOUT_SECONDS = conf.JSEARCH_TIMEOUT_SECONDS
JSEARCH_MAX_RETRIES = conf.JSEARCH_MAX_RETRIES
ZOOM_ACCOUNT_ID = conf.ZOOM_ACCOUNT_ID
ZOOM_CLIENT_ID = conf.ZOOM_CLIENT_ID
ZOOM_CLIENT_SECRET = conf.ZOOM_CLIENT_SECRET
ZOOM_API_URL = conf.ZOOM_API_URL
ZOOM_OAUTH_URL = conf.ZOOM_OAUTH_URL
ZOOM_WEBHOOK_SECRET = conf.ZOOM_WEBHOOK_SECRET
JITSI_BASE_URL = conf.JITSI_BASE_URL

# --- Email, files, i18n ----------------------------------------------------------------------

vars().update(conf.env.email_url_config(conf.EMAIL_URL))
DEFAULT_FROM_EMAIL = conf.DEFAULT_FROM_EMAIL
SERVER_EMAIL = conf.DEFAULT_FROM_EMAIL

STATIC_URL = "/static/"
STATIC_ROOT = conf.STATIC_ROOT
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = conf.MEDIA_ROOT
RESUME_MAX_UPLOAD_BYTES = conf.RESUME_MAX_UPLOAD_MB * 1024 * 1024
JOB_IMPORT_MAX_UPLOAD_BYTES = conf.JOB_IMPORT_MAX_UPLOAD_MB * 1024 * 1024
JOB_IMPORT_MAX_ROWS = conf.JOB_IMPORT_MAX_ROWS
# Multipart bodies spill to disk above this; the resume upload check enforces its own limit.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = RESUME_MAX_UPLOAD_BYTES + 1_048_576
EXTERNAL_TOOLS = {
    "tesseract": conf.TESSERACT_CMD,
    "antiword": conf.ANTIWORD_CMD,
    "libreoffice": conf.LIBREOFFICE_CMD,
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if conf.IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not conf.IS_PRODUCTION

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Security --------------------------------------------------------------------------------

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if conf.TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if conf.IS_PRODUCTION:
    SECURE_SSL_REDIRECT = conf.SECURE_SSL_REDIRECT
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^health$"]
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": conf.LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint logs every rendering step and a font-subsetting notice per document.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}
