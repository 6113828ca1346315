"""Tests: fast password hashing, in-memory e-mail, loopback stream hosts and addresses allowed."""

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
# Tests never depend on a running worker: tasks run in-process even where CI sets REDIS_URL.
CELERY_TASK_ALWAYS_EAGER = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STREAM_PROVIDER_HOSTS = {  # noqa: F405
    **STREAM_PROVIDER_HOSTS,  # noqa: F405
    "direct": [*STREAM_PROVIDER_HOSTS.get("direct", []), "127.0.0.1", "localhost"],  # noqa: F405
}
# Provider pages in tests are served on loopback ports; tests of the guard switch this off.
STREAM_ALLOW_PRIVATE_NETWORKS = True
if REDIS_URL:  # noqa: F405
    # Each test process (xdist worker) keeps its keys apart and clears only those.
    CACHES["default"]["BACKEND"] = "config.test_cache.PrefixScopedRedisCache"  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"anihata-test-{os.getpid()}"  # noqa: F405
else:
    # Without Redis, the database cache would need the database in every test (the autouse
    # `clean_cache` clears it); the tests of the shared database cache set it themselves.
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "anihata-tests",
    }
# Tests never run collectstatic: WhiteNoise finds files per request instead of warning at start
# that STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
