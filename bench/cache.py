"""The benchmark's "API cache off": a local-memory cache that never keeps the catalog's own
entries (`catalog:*`: cached API answers, listing summaries, the generation), so every API
request is answered from the database, while Wagtail's internal caches (site root paths,
renditions) work as they do in production with Redis."""

from django.core.cache.backends.locmem import LocMemCache

PREFIX = "catalog:"


class CatalogOffCache(LocMemCache):
    def add(self, key, value, timeout=None, version=None):
        return False if key.startswith(PREFIX) else super().add(key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return default if key.startswith(PREFIX) else super().get(key, default, version)

    def set(self, key, value, timeout=None, version=None):
        if not key.startswith(PREFIX):
            super().set(key, value, timeout, version)
