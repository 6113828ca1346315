"""Tests: fast password hashing, in-memory e-mail, loopback stream hosts allowed."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STREAM_PROVIDER_HOSTS = {  # noqa: F405
    **STREAM_PROVIDER_HOSTS,  # noqa: F405
    "direct": [*STREAM_PROVIDER_HOSTS.get("direct", []), "127.0.0.1", "localhost"],  # noqa: F405
}
if REDIS_URL:  # noqa: F405
    # Tests share one Redis: keep their keys apart from a developer's.
    CACHES["default"]["KEY_PREFIX"] = "anihata-test"  # noqa: F405
    # pytest-xdist workers get a Redis database each: cache.clear() (FLUSHDB) in one worker
    # must not wipe another's cache mid-test.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if _worker.startswith("gw"):
        CACHES["default"]["LOCATION"] = REDIS_URL.rsplit("/", 1)[0] + f"/{2 + int(_worker[2:])}"  # noqa: F405
