"""Redis cache for test runs: `clear()` deletes only this run's keys (its KEY_PREFIX) instead of
flushing the whole database, so parallel workers and other runs on one Redis never collide."""

from django_redis.cache import RedisCache


class PrefixScopedRedisCache(RedisCache):
    def clear(self) -> None:
        self.delete_pattern("*")
