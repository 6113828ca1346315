"""Production settings for benchmarks, with the API cache switchable: BENCH_CACHE=off (a dummy
cache: every request hits the database) or on (local memory, what repeated reads get)."""

import os

from config.settings.production import *  # noqa: F403

if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SECURE_SSL_REDIRECT = False  # the benchmark talks plain HTTP to gunicorn
