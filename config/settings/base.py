"""Settings shared by every environment; everything secret or deployment-specific comes from
the environment (see README.md, "Settings")."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from celery.schedules import crontab
from machina import MACHINA_MAIN_STATIC_DIR, MACHINA_MAIN_TEMPLATE_DIR

from outbound.providers import default_provider_hosts

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def parse_provider_hosts(value: str) -> dict[str, list[str]]:
    """Parse `ashdi=ashdi.vip,tortuga=tortuga.wtf|tortuga.tw` into {provider: [hosts]}."""
    hosts: dict[str, list[str]] = {}
    for entry in value.split(","):
        provider, _, names = entry.partition("=")
        if provider.strip() and names.strip():
            hosts[provider.strip()] = [h.strip().lower() for h in names.split("|") if h.strip()]
    return hosts


EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "submission": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
}


def parse_email_url(url: str) -> dict:
    """`EMAIL_URL` as Django's EMAIL_* settings. `smtp://host:25` is plain SMTP (no TLS, no
    login); `smtp+tls://` / `submission://` (default port 587) use STARTTLS, `smtps://` /
    `smtp+ssl://` (465) implicit TLS; `?tls=1` / `?ssl=1` do the same on `smtp://`; user and
    password are URL-encoded; `console://`, `locmem://`, `dummy://` need nothing else;
    `file:///dir` writes each message to a file in that directory (end-to-end tests)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in EMAIL_BACKENDS:
        raise ValueError(f"EMAIL_URL: unknown scheme {scheme!r}")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    use_ssl = scheme in {"smtps", "smtp+ssl"} or query.get("ssl", "").lower() in {"1", "true"}
    use_tls = scheme in {"smtp+tls", "submission"} or query.get("tls", "").lower() in {"1", "true"}
    settings = {"EMAIL_BACKEND": EMAIL_BACKENDS[scheme]}
    if scheme == "file":
        settings["EMAIL_FILE_PATH"] = unquote(parts.path)
    if settings["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
        settings |= {
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if use_ssl else 587 if use_tls else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
            "EMAIL_TIMEOUT": int(query.get("timeout", "10")),
        }
    return settings


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    # Our apps first so their templates and static files take precedence.
    "config.apps.ProjectConfig",
    "accounts",
    "library",
    "cms.catalog",
    "cms.anime",
    "cms.manga",
    "cms.dubbing",
    "cms.demo",
    "cms.discovery",
    "integrations",
    "integrations.streams",
    "forum.discussions",
    # Before wagtail's apps: its locale overrides Wagtail's Ukrainian catalogue.
    "crm",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "crm.apps.WagtailUsersConfig",  # wagtail.users with the CRM's groups list
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django_prometheus",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.headless",
    "rolepermissions",
    # The forum at /forum/ (django-machina; its search through haystack's simple backend).
    "mptt",
    "haystack",
    "widget_tweaks",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    # Before machina's forum_permission: machina's class loader takes our permission checker
    # (roles and bans) from here.
    "forum.forum_permission",
    "machina.apps.forum_permission",
    # Our side of the forum (demo categories, topic per title, latest topics, the Ukrainian
    # catalogue of machina's strings); last, so its catalogue overrides nobody else's.
    "forum.board",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "config.request_id.RequestIdMiddleware",
    "config.api_errors.ApiJsonErrorsMiddleware",
    "config.middleware.RejectNulBytesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SignedInHintMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "forum.forum_permission.middleware.ForumPermissionMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The forum's base template and overrides come before machina's own templates.
        "DIRS": [
            BASE_DIR / "templates",
            BASE_DIR / "forum" / "templates",
            MACHINA_MAIN_TEMPLATE_DIR,
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "machina.core.context_processors.metadata",
            ],
        },
    },
]

# --- Database: SQLite unless DATABASE_URL names a server -----------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent writers (two tabs saving watch progress, e2e's server and shell): take the
    # write lock at BEGIN and wait for it instead of answering "database is locked", and let
    # readers run beside the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")
# machina (forum, a later issue) writes migrations into site-packages with BigAutoField;
# our own AppConfigs set BigAutoField themselves.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Cache, sessions, Celery: Redis when REDIS_URL is set, in-process otherwise -------------
REDIS_URL = os.environ.get("REDIS_URL") or None
CACHE_TTL = int(os.environ.get("CACHE_TTL", "300"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "anihata"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down is a slower site, not a broken one: a failed cache call (ours or
                # Wagtail's: site root paths, renditions) answers "not cached" and is logged.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions are written to the database and read through the cache: a Redis outage
    # costs speed, never a signed-in session.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis every process (web workers, Celery, management commands, imports) shares
    # the database cache, so a publish or unpublish in one is seen by all at once; a per-process
    # memory cache would keep serving an unpublished title. The table is made by `migrate`.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "anihata_cache",
        }
    }

# machina keeps a post's attachments between form submissions here (attachments are not
# granted to anyone today).
CACHES["machina_attachments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if not CELERY_BROKER_URL:
    # Tasks run eagerly; an in-memory transport keeps kombu from looking for AMQP on localhost.
    CELERY_BROKER_URL = "memory://localhost/"
else:
    # Wagtail's background work (search and reference index updates) goes to Celery too.
    TASKS = {"default": {"BACKEND": "config.tasks_backend.CeleryTaskBackend"}}
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it has finished, so one whose worker dies (a deploy, the OOM
# killer) is delivered again; our tasks are idempotent (ids in, upserts, re-read rows). A task
# unacknowledged for CELERY_VISIBILITY_TIMEOUT seconds (its worker gone) is redelivered: keep it
# above the longest task.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))
}
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = "Europe/Kyiv"
CELERY_BEAT_SCHEDULE = {
    "importers-sync-ongoing": {
        "task": "integrations.tasks.sync_ongoing",
        "schedule": crontab(hour=3, minute=30),
    },
    "importers-new-episodes": {
        "task": "integrations.tasks.detect_new_episodes",
        "schedule": crontab(minute=15),  # hourly
    },
    "importers-ukrainian-names": {
        "task": "integrations.tasks.fill_ukrainian_names",
        "schedule": crontab(hour=4, minute=30),
    },
    "importers-current-season": {
        "task": "integrations.tasks.refresh_current_season",
        "schedule": crontab(day_of_week="mon", hour=5, minute=0),
    },
    "importers-new-chapters": {
        "task": "integrations.tasks.import_new_chapters",
        "schedule": crontab(hour=5, minute=30),
    },
    "check-video-sources": {"task": "streams.check_video_sources", "schedule": 30 * 60},
    # New-episode e-mails, batched: at most one message per user per hour.
    "library-notification-emails": {
        "task": "library.send_notification_emails",
        "schedule": crontab(minute=5),
    },
    # Today's and yesterday's rows of the CRM's statistics (the dashboard reads only those).
    "crm-daily-stats": {"task": "crm.compute_daily_stats", "schedule": 15 * 60},
}

# --- Search: Elasticsearch when ELASTICSEARCH_URL is set, the database otherwise -----------
# On PostgreSQL the database backend uses `anihata_uk`, the Ukrainian (hunspell) text search
# configuration created by the catalog migrations (a copy of `simple` where the dictionary
# files are missing). With Elasticsearch, the database backend is kept current beside it and
# answers while Elasticsearch is down (cms/catalog/search.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL") or None
DATABASE_SEARCH_BACKEND = {
    "BACKEND": "wagtail.search.backends.database",
    "SEARCH_CONFIG": "anihata_uk" if USING_POSTGRES else None,
}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "cms.catalog.search_backends",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": os.environ.get("ELASTICSEARCH_INDEX", "anihata"),
            "TIMEOUT": 5,
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", "Українська"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("uk", "Українська"), ("en", "English")]
TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True

# A CDN in front later is a setting: STATIC_URL=https://cdn.example/static/ (hashed names).
STATIC_URL = os.environ.get("STATIC_URL", "/static/")
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [
    MACHINA_MAIN_STATIC_DIR,  # machina's CSS, fonts and scripts
    # The design tokens the Next.js front end imports, for Django-rendered pages (the forum).
    ("site", BASE_DIR / "frontend" / "src" / "styles"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Wagtail and the headless front end ----------------------------------------------------
WAGTAIL_SITE_NAME = "AniHata"
FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://localhost:3000").rstrip("/")
API_URL = os.environ.get("API_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", API_URL)
# `find/` redirects to this origin, so a server-side fetch stays on the API's own address.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", API_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_URL}/preview/"},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
# Next.js revalidation hook called on publish; empty disables it.
REVALIDATE_SECRET = os.environ.get("REVALIDATE_SECRET", "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", FRONTEND_URL)
CSRF_FAILURE_VIEW = "config.api_errors.csrf_failure"  # JSON under /api/

# Proxies of ours in front of Django whose X-Forwarded-For is believed (config/client_ip.py):
# 0 reads the connection's address; 1 behind our nginx.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "config.api_errors.json_exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # `format` is a catalog filter (tv, movie, ...), not DRF's renderer switch.
    "URL_FORMAT_OVERRIDE": None,
    # DRF throttles read the same number of proxies as config.client_ip.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "AniHata API",
    "DESCRIPTION": "Public and user-specific endpoints of AniHata.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["config.schema.only_public_api"],
    # Several shapes have a `status` with their own choices: each gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "TitleKindEnum": ["anime", "manga"],
        "ListStatusEnum": "library.models.ListStatus",
        "CommentStatusEnum": "forum.discussions.models.CommentStatus",
        "ReportStatusEnum": "forum.discussions.models.ReportStatus",
    },
}

# --- External services (each defaults to the real service) ---------------------------------
JIKAN_BASE_URL = os.environ.get("JIKAN_BASE_URL", "https://api.jikan.moe/v4")
ANILIST_URL = os.environ.get("ANILIST_URL", "https://graphql.anilist.co")
KITSU_BASE_URL = os.environ.get("KITSU_BASE_URL", "https://kitsu.io/api/edge")
MANGADEX_BASE_URL = os.environ.get("MANGADEX_BASE_URL", "https://api.mangadex.org")
HIKKA_BASE_URL = os.environ.get("HIKKA_BASE_URL", "https://api.hikka.io")
# The User-Agent the importers send (unset: integrations.providers.http.DEFAULT_USER_AGENT).
if os.environ.get("IMPORTER_USER_AGENT"):
    IMPORTER_USER_AGENT = os.environ["IMPORTER_USER_AGENT"]

# Which source gives each page field (integrations/importers/pages.py): a page's value is
# computed from every source's last record of the title (kept on its ImportedTitle), taking the
# first source in the field's order that has one; a source missing from the order never gives
# that field. An editor's hand edit wins over all of them. Fields not listed follow
# IMPORT_SOURCE_ORDER.
IMPORT_SOURCE_ORDER = ("anilist", "jikan", "kitsu", "mangadex", "hikka")
IMPORT_FIELD_PRECEDENCE = {
    # Ukrainian names and synopses: Hikka, then MangaDex's; until then the English ones.
    "title": ("hikka", "mangadex", "anilist", "jikan", "kitsu"),
    "description": ("hikka", "mangadex", "anilist", "jikan", "kitsu"),
    # Native and romaji names: AniList, then Jikan (Hikka's "title_ja" is often romaji).
    "title_native": ("anilist", "jikan", "kitsu", "mangadex"),
    "title_romaji": ("anilist", "jikan", "kitsu", "mangadex"),
    # Genres: one source's whole list (mapped to our genres by English name), never a mix.
    "genres": ("jikan", "anilist", "kitsu", "mangadex"),
    # The score shown beside ours: MyAnimeList's.
    "external_score": ("jikan", "anilist", "kitsu"),
}

# --- Accounts: e-mail, allauth (headless), sessions ----------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console://")
globals().update(parse_email_url(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "AniHata <noreply@anihata.com.ua>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
GOOGLE_CLIENT_ID = os.environ.get("GOOGLE_CLIENT_ID", "")
GOOGLE_CLIENT_SECRET = os.environ.get("GOOGLE_CLIENT_SECRET", "")

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
# The username is the public handle (`/u/<username>/`): optional at sign-up, generated from the
# name (never from the e-mail) when missing.
ACCOUNT_SIGNUP_FIELDS = ["email*", "username", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True  # a new address replaces the old one once confirmed
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[AniHata] "
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, kept explicit: these are what protects sign-in, sign-up,
    # confirmation and reset from being hammered.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "confirm_email": "1/180s/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# allauth's rate limits take the client address from config.client_ip (accounts.adapters).
HEADLESS_ONLY = True
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": f"{FRONTEND_URL}/accounts/confirm-email/{{key}}/",
    "account_reset_password": f"{FRONTEND_URL}/accounts/reset-password/",
    "account_reset_password_from_key": f"{FRONTEND_URL}/accounts/reset-password/{{key}}/",
    "account_signup": f"{FRONTEND_URL}/accounts/sign-up/",
    "socialaccount_login_error": f"{FRONTEND_URL}/accounts/google/callback/",
}
SOCIALACCOUNT_ADAPTER = "allauth.socialaccount.adapter.DefaultSocialAccountAdapter"
# Google confirms the address: sign in to (and link) the account that has it.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_PROVIDERS = {
    "google": {
        "SCOPE": ["profile", "email"],
        "AUTH_PARAMS": {"access_type": "online"},
        "EMAIL_AUTHENTICATION": True,
        "APPS": (
            [{"client_id": GOOGLE_CLIENT_ID, "secret": GOOGLE_CLIENT_SECRET, "key": ""}]
            if GOOGLE_CLIENT_ID
            else []
        ),
    }
}
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
ROLEPERMISSIONS_MODULE = "accounts.roles"
# The admin's sign-in counts failed attempts like the site's (login_failed above).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.admin_login.ThrottledLoginForm"
# Reputation (accounts/reputation.py): points per event, optional daily caps per kind.
REPUTATION_POINTS = {
    "episode_watched": {"points": 1, "daily_cap": 20},  # watched to at least 80 %
    "comment_posted": {"points": 2, "daily_cap": 10},
    "like_received": {"points": 1},
    "dislike_received": {"points": -1},
    "forum_post": {"points": 2},
    "report_upheld": {"points": 5},
    "content_removed": {"points": -10},
}
# (threshold, name): level N is the N-th row whose threshold the sum reaches.
REPUTATION_LEVELS = [
    (0, "Новачок"),
    (10, "Глядач"),
    (50, "Поціновувач"),
    (150, "Знавець"),
    (400, "Отаку"),
    (1000, "Сенсей"),
    (2500, "Легенда"),
]
# Profile customisation and the level that unlocks it.
REPUTATION_UNLOCKS = {"avatar_frame": 2, "profile_banner": 3, "name_color": 4, "title": 5}
# The admin shows avatars people upload, never a Gravatar lookup (a privacy leak, and
# unreachable offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Video providers and the hosts their streams may come from (a host covers its subdomains).
# The defaults come from the provider registry (outbound.providers); STREAM_PROVIDER_HOSTS in
# the environment overrides providers one by one.
STREAM_PROVIDER_HOSTS = {
    **default_provider_hosts(),
    **parse_provider_hosts(os.environ.get("STREAM_PROVIDER_HOSTS", "")),
}
# Fetches of provider pages may reach private, loopback and link-local addresses (tests and
# local fixtures only: in production that would let a provider page reach our own network).
STREAM_ALLOW_PRIVATE_NETWORKS = env_bool("STREAM_ALLOW_PRIVATE_NETWORKS", False)
# Hosts poster and manga page images come from (the importers' sources); with the stream hosts
# they make the Content-Security-Policy of production. A host covers its subdomains.
POSTER_HOSTS = env_list(
    "POSTER_HOSTS",
    "cdn.myanimelist.net,s4.anilist.co,media.kitsu.app,uploads.mangadex.org,mangadex.network,"
    "cdn.hikka.io",
)
# The manga reader (integrations/reader): hosts page images may come from (MangaDex's at-home
# servers and editors' external chapters; a host covers its subdomains; they join img-src of the
# Content-Security-Policy), seconds a resolved chapter stays cached (MangaDex's at-home URLs are
# valid about 15 minutes: kept below that whatever is set), seconds a failure stays cached, the
# deadline of the at-home request while a reader waits, and whether page images are relayed
# through our server (off: the browser loads them from the image host; we relay nothing).
READER_IMAGE_HOSTS = env_list("READER_IMAGE_HOSTS", "mangadex.network,uploads.mangadex.org")
READER_CACHE_TTL = min(int(os.environ.get("READER_CACHE_TTL", "600")), 840)
READER_FAILURE_TTL = int(os.environ.get("READER_FAILURE_TTL", "60"))
READER_TIMEOUT = float(os.environ.get("READER_TIMEOUT", "4"))
READER_PROXY_IMAGES = env_bool("READER_PROXY_IMAGES", False)
# Who may read /metrics (Prometheus inside the deployment): networks in CIDR notation.
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
STREAM_RESOLVE_TTL = int(os.environ.get("STREAM_RESOLVE_TTL", "600"))
# Seconds a degraded answer (provider down, page unreadable) stays cached.
STREAM_RESOLVE_FAILURE_TTL = int(os.environ.get("STREAM_RESOLVE_FAILURE_TTL", "60"))
# Seconds for fetching a provider's player page while a visitor waits.
STREAM_PROVIDER_TIMEOUT = float(os.environ.get("STREAM_PROVIDER_TIMEOUT", "3"))
# The periodic source check: per-request timeout, parallel probes, failures before deactivation.
STREAM_CHECK_TIMEOUT = float(os.environ.get("STREAM_CHECK_TIMEOUT", "5"))
STREAM_CHECK_CONCURRENCY = int(os.environ.get("STREAM_CHECK_CONCURRENCY", "8"))
STREAM_CHECK_MAX_FAILURES = int(os.environ.get("STREAM_CHECK_MAX_FAILURES", "3"))

# --- Forum (django-machina at /forum/, forum/board and forum/forum_permission) -------------
MACHINA_FORUM_NAME = "Форум AniHata"
MACHINA_BASE_TEMPLATE_NAME = "anihata_forum_base.html"
MACHINA_USER_DISPLAY_NAME_METHOD = "get_username"
MACHINA_PROFILE_AVATARS_ENABLED = False  # avatars are the site's profile's business
# Where an anonymous visitor is sent for a page that needs signing in (the forum's "new topic"):
# the Next.js sign-in page; the session it opens is the forum's too.
LOGIN_URL = "/accounts/sign-in/"
# Who may do what is decided from our roles and bans (forum/forum_permission/checker.py).
# Forum search: on the database (forum/board/search.py, haystack's simple backend done right;
# its ES backend wants a 7.x client).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "forum.board.search.ForumSearchEngine"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env_bool("LOG_JSON", False) else "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every publish and task at INFO: too chatty for the demo loader.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
    },
}
