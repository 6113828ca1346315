"""Production settings for benchmarks, with the API cache switchable: BENCH_CACHE=off (the
catalog's cached answers off, so every API request hits the database; bench/cache.py) or on
(local memory, what repeated reads get)."""

import os

from config.settings.production import *  # noqa: F403

if os.environ.get("BENCH_CACHE") == "off":
    CACHES["default"] = {"BACKEND": "bench.cache.CatalogOffCache"}  # noqa: F405
else:
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405
SECURE_SSL_REDIRECT = False  # the benchmark talks plain HTTP to gunicorn
