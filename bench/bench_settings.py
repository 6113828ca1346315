"""Production settings for benchmarks, with the API cache switchable (BENCH_CACHE=off)."""

import os

from config.settings.production import *  # noqa: F403

if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
SECURE_SSL_REDIRECT = False  # the benchmark talks plain HTTP to gunicorn
