"""FairHire settings: one module, every value from the environment with a safe default.

Environment variables (see docs/operations.md):
  FAIRHIRE_DEBUG            "1" for development (default "0")
  FAIRHIRE_SECRET_KEY       Django's secret key; generated once into var/secret_key when absent
  FAIRHIRE_DATABASE_URL     default: SQLite file var/fairhire.sqlite3 (WAL mode)
  FAIRHIRE_REDIS_URL        optional; when set, the cache (and rate limits) use Redis
  FAIRHIRE_ALLOWED_HOSTS    comma-separated; default "127.0.0.1,localhost"
  FAIRHIRE_TRUSTED_PROXIES  comma-separated addresses whose X-Forwarded-For is believed
  FAIRHIRE_VAR_DIR          where generated state lives (default: <repo>/var)
  FAIRHIRE_EMAIL_BACKEND    "console" (default in debug), "file" (default otherwise) or "smtp"
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("FAIRHIRE_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("FAIRHIRE_DEBUG", False)


def env_or_generated(name: str, filename: str, generate) -> str:
    """Take a key from the environment, else generate it once into var/ (never into git)."""
    if value := os.environ.get(name):
        return value
    path = VAR_DIR / filename
    if not path.exists():
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(generate())
    return path.read_text().strip()


SECRET_KEY = env_or_generated("FAIRHIRE_SECRET_KEY", "secret_key",
                              lambda: secrets.token_urlsafe(64))

# Personal-information keys (SECURITY.md controls 9-10): separate from SECRET_KEY and from each
# other. The engine in fairhire/privacy/crypto.py reads them from the environment, so generated
# development keys are put there too.
os.environ["FAIRHIRE_DATA_KEYS"] = env_or_generated(
    "FAIRHIRE_DATA_KEYS", "data_keys", lambda: f"*k1:{secrets.token_urlsafe(32)}=")
os.environ["FAIRHIRE_BLIND_INDEX_KEY"] = env_or_generated(
    "FAIRHIRE_BLIND_INDEX_KEY", "blind_index_key", lambda: secrets.token_urlsafe(32) + "=")
ALLOWED_HOSTS = env_list("FAIRHIRE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("FAIRHIRE_CSRF_TRUSTED_ORIGINS")
TRUSTED_PROXIES = frozenset(env_list("FAIRHIRE_TRUSTED_PROXIES"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "fairhire.core",
    "fairhire.accounts",
    "fairhire.reference",
    "fairhire.orgs",
    "fairhire.ledger",
    "fairhire.privacy",
    "fairhire.profiles",
    "fairhire.screening",
    "fairhire.postings",
    "fairhire.search",
    "fairhire.applications",
    "fairhire.complaints",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "fairhire.core.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "fairhire.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "fairhire.core.middleware.NulCharacterGuardMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "fairhire.accounts.middleware.StaffSessionMiddleware",
    "fairhire.complaints.middleware.AgreementMiddleware",
    "fairhire.core.error_pages.DomainErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "fairhire.urls"
WSGI_APPLICATION = "fairhire.wsgi.application"
ASGI_APPLICATION = "fairhire.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fairhire.core.context_processors.platform",
                "fairhire.accounts.context_processors.navigation",
                "fairhire.privacy.context_processors.warnings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = (os.environ.get("FAIRHIRE_DATABASE_URL")
                or f"sqlite:///{VAR_DIR / 'fairhire.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server and the task worker read while the other writes;
        # IMMEDIATE transactions avoid "database is locked" upgrades from read to write locks.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("FAIRHIRE_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background tasks -----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                     # "search": the index outbox, on its own worker so it is never stuck
                     # behind a long import (scripts/run.sh).
                     "QUEUES": ["default", "search"]}}

# --- Accounts, passwords, sessions (SECURITY.md controls 1-5) --------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "account-sign-in"
LOGIN_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",  # Argon2id
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # legacy hashes, upgraded at sign-in
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "fairhire.accounts.passwords.LengthByRoleValidator"},
    {"NAME": "fairhire.accounts.passwords.StaffComplexityValidator"},
]
ACCOUNTS_LOCKOUT_FAILURES = 5
ACCOUNTS_LOCKOUT_WINDOW = timedelta(minutes=15)
ACCOUNTS_LOCKOUT_DURATION = timedelta(minutes=30)
ACCOUNTS_STAFF_IDLE_TIMEOUT = timedelta(minutes=30)
ACCOUNTS_OTP_ISSUER = "FairHire"
# django-otp's own exponential throttle is off: our lockout (5 failures, 30 minutes) covers
# second-factor failures too, with the same message and audit trail as passwords.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = ACCOUNTS_OTP_ISSUER

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 12 * 60 * 60  # absolute 12 hours for everyone; staff also idle out at 30 min
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie

# --- Security headers -----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("FAIRHIRE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("FAIRHIRE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("FAIRHIRE_BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Internationalisation: Simplified Chinese first, English available -----------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "fairhire" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"  # shown to people; stored in UTC
USE_TZ = True

# --- Static files and e-mail ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
PRIVATE_FILES_DIR = VAR_DIR / "private"

_email = os.environ.get("FAIRHIRE_EMAIL_BACKEND", "console" if DEBUG else "file")
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}[_email]
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("FAIRHIRE_FROM_EMAIL", "FairHire <noreply@fairhire.invalid>")

# --- The platform's published contacts (shown in every page footer, Regulation Art. 23) -------
PLATFORM_NAME = os.environ.get("FAIRHIRE_PLATFORM_NAME", "FairHire 网络招聘服务平台")
PLATFORM_COMPLAINT_PHONE = os.environ.get("FAIRHIRE_COMPLAINT_PHONE", "12333")
PLATFORM_COMPLAINT_EMAIL = os.environ.get("FAIRHIRE_COMPLAINT_EMAIL", "complaints@fairhire.invalid")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

NINJA_PAGINATION_PER_PAGE = 50

# --- ledger ---
# The tamper-evident ledger (SECURITY.md control 20). The log key signs checkpoints; the witness
# key co-signs them and belongs to another party in production (set FAIRHIRE_WITNESS_PUBLIC_KEY
# on the log's host and run the witness elsewhere). Both are base64 Ed25519 seeds, generated once
# into var/ for development (URL-safe base64, like the data keys above).
LEDGER_SIGNING_KEY = env_or_generated("FAIRHIRE_LEDGER_KEY", "ledger_key",
                                      lambda: secrets.token_urlsafe(32) + "=")
LEDGER_WITNESS_KEY = env_or_generated("FAIRHIRE_WITNESS_KEY", "witness_key",
                                      lambda: secrets.token_urlsafe(32) + "=")
LEDGER_WITNESS_PUBLIC_KEY = os.environ.get("FAIRHIRE_WITNESS_PUBLIC_KEY", "")
LEDGER_WITNESS_STATE = Path(os.environ.get("FAIRHIRE_WITNESS_STATE")
                            or VAR_DIR / "witness_state.json")
LEDGER_CHECKPOINT_MINUTES = int(os.environ.get("FAIRHIRE_LEDGER_CHECKPOINT_MINUTES", 10))
# Regulation Art. 26: records are kept at least three years after the service ends.
LEDGER_RETENTION_YEARS = max(3, int(os.environ.get("FAIRHIRE_LEDGER_RETENTION_YEARS", 3)))
LEDGER_BACKUP_DIR = VAR_DIR / "backups"

# --- postings and organisations ---
# Regulation Art. 18: postings are confirmed or expire after this many days without an update.
POSTINGS_FRESHNESS_DAYS = int(os.environ.get("FAIRHIRE_POSTINGS_FRESHNESS_DAYS", 30))
# January 2026 five-department notice: recruiting accounts are re-verified at least every 6 months.
ORGS_REVERIFY_MONTHS = min(6, int(os.environ.get("FAIRHIRE_ORGS_REVERIFY_MONTHS", 6)))

# --- applications ---
# How many applications a seeker may send per (Beijing) day; more answer HTTP 429.
APPLICATIONS_DAILY_LIMIT = int(os.environ.get("FAIRHIRE_APPLICATIONS_DAILY_LIMIT", 30))
# An application the employer has not answered for this many days expires (and ends).
APPLICATIONS_EXPIRE_DAYS = int(os.environ.get("FAIRHIRE_APPLICATIONS_EXPIRE_DAYS", 30))
# Staff check whether a hired person is still employed this many days after the hire.
APPLICATIONS_FOLLOW_UP_DAYS = int(os.environ.get("FAIRHIRE_APPLICATIONS_FOLLOW_UP_DAYS", 30))
# Local hour of the daily sweep (expiry, interview reminders for the next day).
APPLICATIONS_SWEEP_HOUR = int(os.environ.get("FAIRHIRE_APPLICATIONS_SWEEP_HOUR", 8))
# --- complaints (Regulation Arts 23-24) ---
# Days to answer a complaint, by category ("default" for the rest): fraud and fees/deposits
# are urgent. FAIRHIRE_COMPLAINTS_DEADLINE_DAYS="default=15,fraud=3,fees=3".
COMPLAINTS_DEADLINE_DAYS = {
    key.strip(): int(value)
    for key, value in (pair.split("=", 1) for pair in env_list(
        "FAIRHIRE_COMPLAINTS_DEADLINE_DAYS", "default=15,fraud=3,fees=3"))
}
# Anonymous reports: at most this many per address within the window.
COMPLAINTS_ANONYMOUS_PER_ADDRESS = int(os.environ.get("FAIRHIRE_COMPLAINTS_ANONYMOUS_PER_ADDRESS",
                                                      5))
COMPLAINTS_ANONYMOUS_WINDOW_MINUTES = int(
    os.environ.get("FAIRHIRE_COMPLAINTS_ANONYMOUS_WINDOW_MINUTES", 60))
# --- privacy and profiles (issue 6) ---
# Sign-ups (accounts created plus refused repeat ID numbers) per source address per hour
# (SECURITY.md control 24); a job centre's counter registering people needs some headroom.
ACCOUNTS_SIGN_UPS_PER_HOUR = int(os.environ.get("FAIRHIRE_SIGN_UPS_PER_HOUR", 20))
# The self-inspection flags an account that saw this many different people's unmasked data in a day.
PRIVACY_ANOMALY_SUBJECTS_PER_DAY = int(
    os.environ.get("FAIRHIRE_PRIVACY_ANOMALY_SUBJECTS_PER_DAY", 30))
# --- search (issue 7) ---
# Where the tantivy indexes live (derived data: `manage.py reindex` rebuilds them).
SEARCH_INDEX_DIR = Path(os.environ.get("FAIRHIRE_SEARCH_INDEX_DIR") or VAR_DIR / "search")
# The hour (local time) of the daily saved-search alerts.
SEARCH_ALERT_HOUR = int(os.environ.get("FAIRHIRE_SEARCH_ALERT_HOUR", 8))
# Key-group priority recommendations (EN7) list consenting candidates scoring at least this.
SEARCH_PRIORITY_MIN_SCORE = float(os.environ.get("FAIRHIRE_SEARCH_PRIORITY_MIN_SCORE", 50))
