"""Caching of anonymous catalog reads. Every cached API answer is keyed by a "catalog
generation" that changes whenever a page is published, unpublished, moved or deleted, so a
change invalidates everything at once without tracking which answers it touched.

The generation lives in the shared cache (Redis, or without it the database cache every process
reads), so a change made by any process (a web worker, Celery, an import, a shell) is seen by
all at once.

The cache is an optimisation, never a dependency: when it is unreachable (Redis down) every
helper here logs a warning and the caller answers from the database, uncached.

`anonymous_cache` is the one decorator for API views: it keys an answer by the path and only
the query parameters the endpoint knows, so `?x=…` neither bypasses the cache nor leaves an
entry of its own."""

import hashlib
import logging
import uuid
from functools import wraps

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from rest_framework.response import Response

logger = logging.getLogger(__name__)

GENERATION_KEY = "catalog:generation"
CACHED_STATUSES = (200, 404)


def cache_get(key: str):
    """`cache.get(key)`, or None when the cache is unreachable."""
    try:
        return cache.get(key)
    except Exception:  # any backend error: the cache is down, answer without it
        logger.warning("cache unavailable: get %s", key, exc_info=True)
        return None


def cache_set(key: str, value, **options) -> None:
    """`cache.set(key, value, **options)`; a no-op when the cache is unreachable."""
    try:
        cache.set(key, value, **options)
    except Exception:
        logger.warning("cache unavailable: set %s", key, exc_info=True)


def catalog_generation() -> str | None:
    """The current generation, or None when the cache is unreachable (then nothing is cached)."""
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            generation = cache.get(GENERATION_KEY)
        return generation
    except Exception:
        logger.warning("cache unavailable: answering the catalog uncached", exc_info=True)
        return None


def invalidate_catalog() -> None:
    """A new generation now, and again once the change is committed: a request answered in
    between (another process reading the rows from before the commit) would otherwise be cached
    under the new generation and stay stale."""
    cache_set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache_set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def catalog_key(kind: str, identity: str) -> str | None:
    """The key of a cached catalog value, or None when nothing can be cached now."""
    generation = catalog_generation()
    if generation is None:
        return None
    digest = hashlib.sha1(identity.encode()).hexdigest()
    return f"catalog:{generation}:{kind}:{digest}"


def is_cacheable(request) -> bool:
    return request.method == "GET" and not request.user.is_authenticated


def request_identity(request, known: frozenset[str] | None) -> str:
    """The path and the known query parameters (all of them when `known` is None), sorted."""
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if known is None or name in known
        for value in values
    )
    return request.path + "?" + "&".join(f"{name}={value}" for name, value in pairs)


def anonymous_cache(kind: str, known_parameters=None):
    """Cache a view method's 200 and 404 answers (and redirects) for anonymous GETs until the
    catalog changes. `known_parameters` is the set of query parameter names the endpoint
    reads (None: all of them, for endpoints that refuse unknown ones with a 400), or a
    callable `(view) -> set` for viewsets whose parameters depend on the model."""

    def decorate(method):
        @wraps(method)
        def wrapper(view, request, *args, **kwargs):
            if not is_cacheable(request):
                return method(view, request, *args, **kwargs)
            known = known_parameters(view) if callable(known_parameters) else known_parameters
            key = catalog_key(kind, request_identity(request, known and frozenset(known)))
            cached = cache_get(key) if key else None
            if cached is not None:
                status_code, payload = cached
                return redirect(payload) if status_code == 302 else Response(payload, status_code)
            response = method(view, request, *args, **kwargs)
            if key is None:
                return response
            if response.status_code == 302:
                cache_set(key, (302, response["Location"]))
            elif response.status_code in CACHED_STATUSES and hasattr(response, "data"):
                cache_set(key, (response.status_code, response.data))
            return response

        return wrapper

    return decorate
