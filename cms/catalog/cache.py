"""Caching of anonymous catalog reads. Every cached API answer is keyed by a "catalog
generation" that changes whenever a page is published, unpublished, moved or deleted, so a
change invalidates everything at once without tracking which answers it touched."""

import uuid

from django.core.cache import cache

GENERATION_KEY = "catalog:generation"


def catalog_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate_catalog() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def catalog_cache_key(kind: str, request) -> str:
    return catalog_key(kind, request.get_full_path())


def catalog_key(kind: str, identity: str) -> str:
    return f"catalog:{catalog_generation()}:{kind}:{identity}"


def is_cacheable(request) -> bool:
    return request.method == "GET" and not request.user.is_authenticated
