"""Production: secrets from the environment (no SECRET_KEY, no start), HTTPS everywhere
(HSTS, SSL redirect, secure cookies), a Content-Security-Policy built from the host allowlists,
JSON logs with the request id, optional Sentry. `python manage.py check --deploy` is clean.

Behind a TLS-terminating proxy (our nginx) set `SECURE_SSL_REDIRECT=false`: nginx redirects
HTTP to HTTPS itself, while Next.js and Prometheus reach Django over plain HTTP inside the
deployment."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.csp import policy_directives

from .base import *  # noqa: F403
from .base import MIDDLEWARE, POSTER_HOSTS, READER_IMAGE_HOSTS, STREAM_PROVIDER_HOSTS, env_bool

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production")
DEBUG = False

# --- HTTPS ---------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Probes and the Prometheus scrape come over plain HTTP from inside the deployment.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^metrics$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- Static files: hashed names (collectstatic in the image), served with immutable headers --
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MANIFEST_STRICT = False  # a file missing from the manifest keeps its plain name

# --- Content-Security-Policy ---------------------------------------------------------------
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.csp.SiteCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": policy_directives(STREAM_PROVIDER_HOSTS, [*POSTER_HOSTS, *READER_IMAGE_HOSTS])
}

# --- Logs and errors -----------------------------------------------------------------------
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
