"""Newsroom settings: one module, read from environment variables.

Every variable is listed in docs/operators/settings.md. With no variables at all, Newsroom runs in
*embedded mode*: SQLite and media files in the data folder, an in-process cache, and a secret
key generated once and kept in the data folder. Setting DATABASE_URL switches to *production
mode*, where SECRET_KEY must be given explicitly.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DATA_DIR = Path(env("NEWSROOM_DATA_DIR", str(BASE_DIR / "data"))).resolve()
DATABASE_URL = env("DATABASE_URL")
EMBEDDED_MODE = not DATABASE_URL
DEBUG = env_bool("DEBUG", False)


def _secret_key():
    key = env("SECRET_KEY")
    if key:
        return key
    if not EMBEDDED_MODE:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production mode (DATABASE_URL is set) needs an explicit "
            "SECRET_KEY; generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Embedded mode: generate once, keep it beside the database so sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The demo newsroom (demo/: ten items, topics, people, and a press account that can read
# embargoed items), which `newsroom setup` loads into an empty database. Embedded mode assumes
# it, so that `make run` shows a newsroom; production mode installs and loads it only when it
# is asked for (NEWSROOM_DEMO=1, or `newsroom setup --demo`).
NEWSROOM_DEMO = env_bool("NEWSROOM_DEMO", EMBEDDED_MODE)

INSTALLED_APPS = [
    "newsroom.core",
    "newsroom.images",
    "newsroom.media",
    "newsroom.home",
    "newsroom.news",
    "newsroom.topics",
    "newsroom.events",
    "newsroom.contacts",
    "newsroom.search",
    "newsroom.syndication",
    "newsroom.delivery",
    "newsroom.security",
    "newsroom.backup",
    "newsroom.resilience",
    "newsroom.scheduling",
    "newsroom.press",
    "newsroom.mailing",
    "newsroom.alerts",
    "newsroom.sendouts",
    "newsroom.push",
    "newsroom.dashboard",
    "newsroom.synthetic",
    *(["demo"] if NEWSROOM_DEMO else []),
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.core.middleware.SiteMiddleware",
    # Around everything that renders: the surrogate keys of what the response shows.
    "newsroom.delivery.edge.SurrogateKeyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check: an unknown method on a reader's page is 405, not 403.
    "newsroom.core.middleware.MethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.security.twofactor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
                "newsroom.home.context_processors.sections",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
if EMBEDDED_MODE:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "newsroom.sqlite3",
            # WAL lets readers and the single writer work at the same time.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA mmap_size=134217728;"
                ),
            },
        }
    }
else:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env("NEWSROOM_TEST_DB_NAME"):
        # Lets several checkouts run their test suites on one PostgreSQL server at once.
        DATABASES["default"]["TEST"] = {"NAME": env("NEWSROOM_TEST_DB_NAME")}
        # A test database need not survive a crash: its commits do not wait for the disk.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis, falling back to this process's memory while Redis is unreachable
            # (newsroom/resilience/cache.py).
            "BACKEND": "newsroom.resilience.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("NEWSROOM_CACHE_PREFIX", "newsroom"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis that stops answering must not hold requests for long.
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# --- Page cache, freshness and CDN purge (docs/architecture/caching.md) ------------------------
def env_seconds(name, default):
    value = env(name, str(default))
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.") from None


def env_whole_number(name, default, *, minimum=0, meaning=""):
    value = env(name, str(default))
    if not value.isdigit() or int(value) < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number{meaning}, not {value!r}.")
    return int(value)


NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
NEWSROOM_PAGE_CACHE_TIMEOUT = env_seconds("NEWSROOM_PAGE_CACHE_TIMEOUT", 3600)
NEWSROOM_PAGE_CACHE_MEMORY_MB = env_seconds("NEWSROOM_PAGE_CACHE_MEMORY_MB", 64)
NEWSROOM_PAGE_CACHE_GENERATION_TTL = env_seconds("NEWSROOM_PAGE_CACHE_GENERATION_TTL", 0.25)
NEWSROOM_PAGE_CACHE_GENERATION_FILE = DATA_DIR / "page-cache-generation"
NEWSROOM_PAGE_CACHE_REVALIDATIONS = env_whole_number(
    "NEWSROOM_PAGE_CACHE_REVALIDATIONS", 2, minimum=1, meaning=" of at least 1"
)
# Renders for anonymous readers at once per worker; cache hits never wait (delivery/pagecache.py).
NEWSROOM_RENDER_SLOTS = env_whole_number("NEWSROOM_RENDER_SLOTS", 4, meaning=" (0: no limit)")
NEWSROOM_PAGE_CACHE_WARM_PAGES = env_whole_number(
    "NEWSROOM_PAGE_CACHE_WARM_PAGES", 5, meaning=" (0 switches warming off)"
)
NEWSROOM_CACHE_MAX_AGE = env_seconds("NEWSROOM_CACHE_MAX_AGE", 0)
NEWSROOM_CACHE_S_MAXAGE = env_seconds("NEWSROOM_CACHE_S_MAXAGE", 60)
NEWSROOM_CACHE_STALE_WHILE_REVALIDATE = env_seconds("NEWSROOM_CACHE_STALE_WHILE_REVALIDATE", 30)
if env("NEWSROOM_VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("NEWSROOM_VARNISH_URL"),
        }
    }
elif env("NEWSROOM_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("NEWSROOM_CLOUDFRONT_DISTRIBUTION_ID"),
        }
    }
elif env("NEWSROOM_FASTLY_SERVICE_ID"):
    if not env("NEWSROOM_FASTLY_API_TOKEN"):
        raise ImproperlyConfigured(
            "NEWSROOM_FASTLY_SERVICE_ID is set but NEWSROOM_FASTLY_API_TOKEN is not: Fastly "
            "purges need an API token with purge rights."
        )
    WAGTAILFRONTENDCACHE = {
        "fastly": {
            "BACKEND": "newsroom.delivery.purge.FastlyBackend",
            "SERVICE_ID": env("NEWSROOM_FASTLY_SERVICE_ID"),
            "API_TOKEN": env("NEWSROOM_FASTLY_API_TOKEN"),
        }
    }
elif env("NEWSROOM_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env("NEWSROOM_CLOUDFLARE_ZONE_ID"),
            "BEARER_TOKEN": env("NEWSROOM_CLOUDFLARE_API_TOKEN"),
        }
    }

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_NAMES = {"en": _("English"), "fr": _("French")}
LANGUAGE_CODE_LIST = env_list("NEWSROOM_LANGUAGES", "en,fr")
for _code in LANGUAGE_CODE_LIST:
    if _code not in LANGUAGE_NAMES:
        raise ImproperlyConfigured(
            f"NEWSROOM_LANGUAGES contains {_code!r}; known languages: {', '.join(LANGUAGE_NAMES)}."
        )
LANGUAGES = [(code, LANGUAGE_NAMES[code]) for code in LANGUAGE_CODE_LIST]
LANGUAGE_CODE = LANGUAGE_CODE_LIST[0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("NEWSROOM_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("NEWSROOM_STATIC_ROOT", str(BASE_DIR / "static-collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# In embedded mode the app serves uploaded media itself; in production a web server or
# object storage does.
# S3-compatible object storage (AWS S3, MinIO, Ceph, ...) for uploads, switched on by
# NEWSROOM_S3_BUCKET. Credentials come the usual boto3 way: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, or the machine's role.
S3_BUCKET = env("NEWSROOM_S3_BUCKET")
SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", EMBEDDED_MODE and not S3_BUCKET)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ORIGINS = []  # where readers' browsers fetch media from, besides this site (for the CSP)
if S3_BUCKET:
    STORAGES["default"] = {
        # django-storages' S3Storage, renditions marked immutable (newsroom/core/storage.py).
        "BACKEND": "newsroom.core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("NEWSROOM_S3_ENDPOINT_URL") or None,
            "region_name": env("NEWSROOM_S3_REGION") or None,
            "custom_domain": env("NEWSROOM_S3_CUSTOM_DOMAIN") or None,
            "location": env("NEWSROOM_S3_PREFIX"),
            # Media is public and addressed by stable URLs (feeds, CDN): no signed URLs, and an
            # upload never replaces another file of the same name.
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": env("NEWSROOM_S3_ACL") or None,
        },
    }
    if env("NEWSROOM_S3_CUSTOM_DOMAIN"):
        MEDIA_ORIGINS.append("https://" + env("NEWSROOM_S3_CUSTOM_DOMAIN"))
    elif env("NEWSROOM_S3_ENDPOINT_URL"):
        MEDIA_ORIGINS.append(env("NEWSROOM_S3_ENDPOINT_URL").rstrip("/"))
    else:
        MEDIA_ORIGINS.append("https://*.amazonaws.com")
MEDIA_ORIGINS += env_list("NEWSROOM_MEDIA_ORIGINS")
WHITENOISE_MAX_AGE = 3600


def _hashed_static_files_for_a_year(headers, path, url):
    # Whitenoise marks the hashed names immutable (ten years); a year is what caches honour.
    # The same value as core.http.IMMUTABLE (media renditions), which settings cannot import.
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = "public, max-age=31536000, immutable"


WHITENOISE_ADD_HEADERS_FUNCTION = _hashed_static_files_for_a_year
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env("NEWSROOM_SITE_NAME", "Newsroom")
WAGTAILADMIN_BASE_URL = env("NEWSROOM_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.NewsroomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "newsroom.images.forms.NewsroomImageForm"
WAGTAILDOCS_SERVE_METHOD = "direct"
# Uploads (docs/operators/security.md): size, pixel count (decompression bombs) and formats. SVG is
# refused: it can carry script.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env_seconds("NEWSROOM_MAX_IMAGE_MB", 15) * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(env_seconds("NEWSROOM_MAX_IMAGE_MEGAPIXELS", 50) * 1_000_000)
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
NEWSROOM_MAX_DOCUMENT_SIZE = int(env_seconds("NEWSROOM_MAX_DOCUMENT_MB", 50) * 1024 * 1024)
WAGTAILDOCS_EXTENSIONS = env_list(
    "NEWSROOM_DOCUMENT_EXTENSIONS",
    "pdf,doc,docx,odt,rtf,txt,csv,xls,xlsx,ods,ppt,pptx,odp,zip,mp3,mp4,jpg,jpeg,png,webp",
)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "newsroom.security.uploads.DocumentForm"
WAGTAILSEARCH_BACKENDS = {
    # The admin's searches (pages, images, documents).
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"},
}
# Readers' searches (/en/search/, the news listing's and the API's ?q=): "tantivy", an index in
# each server's data folder (newsroom/search), or "database", Wagtail's database backend. Each
# server's index sees only its own publishes, so several app servers use "database" for now.
NEWSROOM_SEARCH_ENGINE = env("NEWSROOM_SEARCH_ENGINE", "tantivy")
if NEWSROOM_SEARCH_ENGINE not in {"tantivy", "database"}:
    raise ImproperlyConfigured(
        f"NEWSROOM_SEARCH_ENGINE must be tantivy or database, not {NEWSROOM_SEARCH_ENGINE!r}."
    )
if NEWSROOM_SEARCH_ENGINE == "tantivy":
    WAGTAILSEARCH_BACKENDS["reader"] = {"BACKEND": "newsroom.search.backend", "AUTO_UPDATE": True}
# The reader search's index (tantivy), and how a missing or damaged one is rebuilt: in a
# background thread while searches use the database ("background"), or before answering
# ("request", for small archives and the tests).
NEWSROOM_SEARCH_INDEX_DIR = Path(
    env("NEWSROOM_SEARCH_INDEX_DIR", str(DATA_DIR / "search-index"))
).resolve()
NEWSROOM_SEARCH_REBUILD = env("NEWSROOM_SEARCH_REBUILD", "background")
# The search page gives up after this many seconds of database work (newsroom/search/limits.py).
NEWSROOM_SEARCH_TIME_LIMIT = env_seconds("NEWSROOM_SEARCH_TIME_LIMIT", 10)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
if env_bool("NEWSROOM_OFFLINE_EMBEDS", False):
    WAGTAILEMBEDS_FINDERS = [{"class": "newsroom.core.fake_embeds.OfflineEmbedFinder"}]
WAGTAIL_DATE_FORMAT = "%d %b %Y"
WAGTAIL_DATETIME_FORMAT = "%d %b %Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "French")]

# --- Security (docs/operators/security.md) ---------------------------------------------------
HTTPS = env_bool("NEWSROOM_HTTPS", False)
if DEBUG and HTTPS:
    raise ImproperlyConfigured(
        "DEBUG shows stack traces to anyone and is for a developer's machine only: "
        "unset DEBUG on a site served over HTTPS (NEWSROOM_HTTPS=true)."
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Not DENY: the admin's live preview shows the page in a frame of the same site.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]  # the check that asks for DENY (see above)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("NEWSROOM_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env_seconds("NEWSROOM_HSTS_SECONDS", 31_536_000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("NEWSROOM_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("NEWSROOM_HSTS_PRELOAD", True)
if env("NEWSROOM_TRUSTED_PROXIES", "0") not in {"", "0"}:
    # The proxy terminates TLS and says so; it must overwrite any X-Forwarded-Proto it receives.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (newsroom/security/csp.py): no inline script on public pages.
CSP_MEDIA_SOURCES = ["'self'", "data:", *MEDIA_ORIGINS]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Wagtail's responsive video embeds size themselves with a style attribute.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [*CSP_MEDIA_SOURCES, *env_list("NEWSROOM_CSP_IMG_SRC")],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        # Embedded videos (YouTube, Vimeo, ...) come from their providers' https pages.
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    }
}

# Sign-in throttling (django-axes): every authenticate() call, the admin's and the press
# sign-in's, counts failures per user name and client address, shared through the database.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_seconds("NEWSROOM_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = env_seconds("NEWSROOM_LOGIN_LOCKOUT_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.security.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.lockout.sign_in_address"
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Passwords set through the admin (editors, press accounts): Django's checks, 12 characters.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Optional two-factor sign-in for editors (django-otp, TOTP; newsroom/security/twofactor.py).
OTP_TOTP_ISSUER = env("NEWSROOM_2FA_ISSUER", WAGTAIL_SITE_NAME)

# --- Syndication: feeds, API, oEmbed (docs/journalists.md) -----------------------------------
# Requests per anonymous client to /api/, oEmbed and ninjs: "120/minute", "1000/hour" or "off".
NEWSROOM_API_RATE_LIMIT = env("NEWSROOM_API_RATE_LIMIT", "120/minute")
# Proxies in front of the app that append to X-Forwarded-For (0: use the connection's address).
NEWSROOM_TRUSTED_PROXIES = env("NEWSROOM_TRUSTED_PROXIES", "0")
# Accreditation requests (/en/press/apply/) per client address, and per e-mail address.
NEWSROOM_ACCREDITATION_RATE_PER_CLIENT = env("NEWSROOM_ACCREDITATION_RATE_PER_CLIENT", "5/hour")
NEWSROOM_ACCREDITATION_RATE_PER_ADDRESS = env("NEWSROOM_ACCREDITATION_RATE_PER_ADDRESS", "3/day")

# --- Scheduled publishing and embargoes (docs/editors.md, docs/operators/production.md) ------
# Every server process runs the scheduler thread; a lock lets exactly one of them publish.
NEWSROOM_SCHEDULER = env_bool("NEWSROOM_SCHEDULER", True)
NEWSROOM_SCHEDULER_INTERVAL = env_seconds("NEWSROOM_SCHEDULER_INTERVAL", 1)
NEWSROOM_SCHEDULER_LOCK_TIMEOUT = env_seconds("NEWSROOM_SCHEDULER_LOCK_TIMEOUT", 60)
NEWSROOM_SCHEDULER_LOCK_FILE = DATA_DIR / "scheduler.lock"
NEWSROOM_CACHE_PREFIX = env("NEWSROOM_CACHE_PREFIX", "newsroom")
if NEWSROOM_SCHEDULER_INTERVAL <= 0:
    raise ImproperlyConfigured("NEWSROOM_SCHEDULER_INTERVAL must be a positive number of seconds.")

# --- Mail and background tasks (docs/operators/mail.md) -------------------------------------
# Background work runs through Django's task framework (the django-tasks backport) on the
# "background" backend: django-tasks-db's database backend by default (the worker polls the
# database, so a publish never fails because Redis is down: the enqueue is a row written in the
# publish's own database), RQ on Redis only when asked for with NEWSROOM_TASK_BACKEND=rq.
# Wagtail's own tasks stay on "default", run at once.
NEWSROOM_TASK_BACKEND = env("NEWSROOM_TASK_BACKEND", "database")
if NEWSROOM_TASK_BACKEND not in {"database", "rq"}:
    raise ImproperlyConfigured(
        f"NEWSROOM_TASK_BACKEND must be database or rq, not {NEWSROOM_TASK_BACKEND!r}."
    )
if NEWSROOM_TASK_BACKEND == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("NEWSROOM_TASK_BACKEND=rq needs REDIS_URL.")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {
        "BACKEND": "django_tasks_rq.RQBackend"
        if NEWSROOM_TASK_BACKEND == "rq"
        else "django_tasks_db.DatabaseBackend"
    },
}
if NEWSROOM_TASK_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
# `newsroom serve` / `run` start one worker process beside granian (none per granian worker).
NEWSROOM_WORKER = env_bool("NEWSROOM_WORKER", True)
NEWSROOM_WORKER_INTERVAL = env_seconds("NEWSROOM_WORKER_INTERVAL", 0.2)

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env_whole_number("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_seconds("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# A sending service through django-anymail: amazon_ses, mailgun, postmark, sendgrid, ... Its
# settings come from ANYMAIL_<NAME> variables: ANYMAIL_MAILGUN_API_KEY becomes
# ANYMAIL["MAILGUN_API_KEY"].
NEWSROOM_MAIL_SERVICE = env("NEWSROOM_MAIL_SERVICE")
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value.strip()
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value.strip()
}
# The tracking webhooks (/mail/webhooks/anymail/) accept only the shared secret's basic auth;
# without one configured, a random one nobody knows keeps them shut.
ANYMAIL.setdefault("WEBHOOK_SECRET", secrets.token_urlsafe(24))
if env("EMAIL_BACKEND"):
    EMAIL_BACKEND = env("EMAIL_BACKEND")
elif NEWSROOM_MAIL_SERVICE:
    EMAIL_BACKEND = f"anymail.backends.{NEWSROOM_MAIL_SERVICE}.EmailBackend"
elif EMAIL_HOST:
    # Django's SMTP backend, with a quicker envelope for the outbox's messages.
    EMAIL_BACKEND = "newsroom.mailing.backends.SMTPBackend"
else:
    # Nothing configured: each message is an .eml file in DATA_DIR/mail/ (the admin says so).
    EMAIL_BACKEND = "newsroom.mailing.backends.EmlFileBackend"
NEWSROOM_MAIL_RATE = env_seconds("NEWSROOM_MAIL_RATE", 0)  # messages a second; 0: no limit
NEWSROOM_MAIL_BATCH = env_whole_number("NEWSROOM_MAIL_BATCH", 200, minimum=1)
NEWSROOM_MAIL_PARALLEL = env_whole_number("NEWSROOM_MAIL_PARALLEL", 4, minimum=1)
NEWSROOM_MAIL_CONNECTIONS = env_whole_number("NEWSROOM_MAIL_CONNECTIONS", 2, minimum=1)
NEWSROOM_MAIL_CLAIM_TIMEOUT = env_seconds("NEWSROOM_MAIL_CLAIM_TIMEOUT", 120)
NEWSROOM_MAIL_SWEEP_INTERVAL = env_seconds("NEWSROOM_MAIL_SWEEP_INTERVAL", 5)
NEWSROOM_MAIL_RETRY_BASE = env_seconds("NEWSROOM_MAIL_RETRY_BASE", 60)
NEWSROOM_MAIL_RETRY_HOURS = env_seconds("NEWSROOM_MAIL_RETRY_HOURS", 26)
NEWSROOM_MAIL_MESSAGE_ID_DOMAIN = env(
    "NEWSROOM_MAIL_MESSAGE_ID_DOMAIN", DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
).strip(">")

# Media contacts' CSV import (docs/operators/settings.md): the largest file read, in bytes.
NEWSROOM_CONTACTS_IMPORT_MAX_BYTES = int(
    env_seconds("NEWSROOM_CONTACTS_IMPORT_MAX_MB", 5) * 1024 * 1024
)

# Webhooks and WebSub (docs/operators/settings.md).
NEWSROOM_WEBHOOK_TIMEOUT = env_seconds("NEWSROOM_WEBHOOK_TIMEOUT", 5)
NEWSROOM_WEBHOOK_RETRY_BASE = env_seconds("NEWSROOM_WEBHOOK_RETRY_BASE", 30)
NEWSROOM_WEBHOOK_DISABLE_AFTER = env_seconds("NEWSROOM_WEBHOOK_DISABLE_AFTER", 24)  # hours
# Private, loopback and link-local receivers are refused (server-side request forgery) unless
# this is set: a receiver on the operator's own network.
NEWSROOM_WEBHOOKS_ALLOW_PRIVATE = env_bool("NEWSROOM_WEBHOOKS_ALLOW_PRIVATE", False)
NEWSROOM_WEBSUB_HUB = env("NEWSROOM_WEBSUB_HUB")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        # django-axes announces itself at INFO on every start; lockouts are WARNINGs.
        "axes": {"level": "WARNING"},
        # Wagtail logs every page action at INFO; the admin keeps that history anyway.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}
