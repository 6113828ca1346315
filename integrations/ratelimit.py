"""A shared rate limiter for the provider clients.

Each provider has a key (``jikan``) and a set of sliding-window rules ("3 per second and 60 per
minute"). ``acquire(key)`` blocks until a request is allowed by every rule (``try_acquire``
takes a slot only if one is free now, for a request a visitor waits on); ``block(key, s)``
pauses the key entirely (a 429's ``Retry-After``). With ``REDIS_URL`` configured the windows live
in Redis so every worker process shares them; otherwise they live in this process.

Time comes from an injectable clock so tests never really sleep.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` requests in any ``period`` seconds."""

    limit: int
    period: float


# Published limits of each source. The windows are a little longer than the published ones:
# we count a request when we let it go, the server when it arrives, and on a busy machine the
# two can be a few hundred milliseconds apart. Sustained, 60 per 61 s is still 98 % of Jikan's.
SECOND = 1.25
MINUTE = 61.0
DEFAULT_RULES: dict[str, tuple[Rule, ...]] = {
    "jikan": (Rule(3, SECOND), Rule(60, MINUTE)),
    "anilist": (Rule(90, MINUTE),),
    "kitsu": (Rule(10, SECOND),),
    "mangadex": (Rule(5, SECOND),),
    # MangaDex's at-home endpoint (asked while a reader waits) has its own, lower limit.
    "mangadex-at-home": (Rule(5, SECOND), Rule(40, MINUTE)),
    "hikka": (Rule(5, SECOND),),
}


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """Wall-clock time (shared across processes through Redis, so not monotonic)."""

    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class FakeClock:
    """A clock for tests: ``sleep`` only moves time forward and records the pause."""

    def __init__(self, start: float = 1_700_000_000.0):
        self.current = start
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.current

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.current += max(seconds, 0)


class RateLimiter:
    """Base class: subclasses implement ``_try_acquire`` (returns the wait, 0 when granted)."""

    def __init__(self, clock: Clock | None = None, rules: dict | None = None):
        self.clock = clock or SystemClock()
        self.rules: dict[str, tuple[Rule, ...]] = dict(DEFAULT_RULES if rules is None else rules)

    def set_rules(self, key: str, rules: tuple[Rule, ...]) -> None:
        """Change a key's rules at run time (AniList announces a degraded limit in headers)."""
        self.rules[key] = tuple(rules)

    def acquire(self, key: str) -> float:
        """Wait until a request on ``key`` is allowed; returns the seconds spent waiting."""
        waited = 0.0
        while True:
            wait = self._try_acquire(key, self.rules.get(key, ()), self.clock.now())
            if wait <= 0:
                return waited
            self.clock.sleep(wait)
            waited += wait

    def try_acquire(self, key: str) -> float:
        """Take a slot on ``key`` if one is free now (0.0); else the seconds until one is, and
        nothing is taken. For requests a visitor waits on, which must not sleep."""
        return self._try_acquire(key, self.rules.get(key, ()), self.clock.now())

    def block(self, key: str, seconds: float) -> None:
        """Allow nothing on ``key`` for ``seconds`` (never shortens an existing block)."""
        self._block_until(key, self.clock.now() + max(seconds, 0))

    def _try_acquire(self, key: str, rules: tuple[Rule, ...], now: float) -> float:
        raise NotImplementedError

    def _block_until(self, key: str, until: float) -> None:
        raise NotImplementedError


class LocalRateLimiter(RateLimiter):
    """Sliding-window log kept in this process (one deque of timestamps per rule)."""

    def __init__(self, clock: Clock | None = None, rules: dict | None = None):
        super().__init__(clock, rules)
        self._lock = threading.Lock()
        self._log: dict[tuple[str, Rule], deque] = {}
        self._blocked: dict[str, float] = {}

    def _try_acquire(self, key, rules, now):
        with self._lock:
            blocked = self._blocked.get(key, 0) - now
            if blocked > 0:
                return blocked
            wait = 0.0
            for rule in rules:
                log = self._log.setdefault((key, rule), deque())
                while log and log[0] <= now - rule.period:
                    log.popleft()
                if len(log) >= rule.limit:
                    wait = max(wait, log[len(log) - rule.limit] + rule.period - now)
            if wait > 0:
                return wait
            for rule in rules:
                self._log[(key, rule)].append(now)
            return 0.0

    def _block_until(self, key, until):
        with self._lock:
            self._blocked[key] = max(self._blocked.get(key, 0), until)


# Checks every rule's sorted set and records the request in all of them only when all allow it,
# atomically, so concurrent workers cannot both take the last slot.
_ACQUIRE_LUA = """
local now = tonumber(ARGV[1])
local member = ARGV[2]
local blocked = tonumber(redis.call('GET', KEYS[1]) or '0')
if blocked > now then return tostring(blocked - now) end
local wait = 0
for i = 2, #KEYS do
  local limit = tonumber(ARGV[i * 2 - 1])
  local period = tonumber(ARGV[i * 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - period)
  local count = redis.call('ZCARD', KEYS[i])
  if count >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], count - limit, count - limit, 'WITHSCORES')
    local w = tonumber(oldest[2]) + period - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return tostring(wait) end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('EXPIRE', KEYS[i], math.ceil(tonumber(ARGV[i * 2])) + 1)
end
return '0'
"""

_BLOCK_LUA = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = tonumber(ARGV[1])
if until_ > current then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', math.ceil(until_ - tonumber(ARGV[2])) + 1)
end
return 1
"""


class RedisRateLimiter(RateLimiter):
    """Sliding-window log in Redis sorted sets, shared by every worker."""

    prefix = "anihata:ratelimit"

    def __init__(self, client, clock: Clock | None = None, rules: dict | None = None):
        super().__init__(clock, rules)
        self.redis = client
        self._acquire = client.register_script(_ACQUIRE_LUA)
        self._block = client.register_script(_BLOCK_LUA)

    def _keys(self, key, rules):
        return [f"{self.prefix}:{key}:blocked"] + [
            f"{self.prefix}:{key}:{rule.limit}/{rule.period}" for rule in rules
        ]

    def _try_acquire(self, key, rules, now):
        args = [repr(now), uuid.uuid4().hex]
        for rule in rules:
            args += [rule.limit, repr(rule.period)]
        return float(self._acquire(keys=self._keys(key, rules), args=args))

    def _block_until(self, key, until):
        now = self.clock.now()
        self._block(keys=[f"{self.prefix}:{key}:blocked"], args=[repr(until), repr(now)])


_shared: RateLimiter | None = None
_shared_lock = threading.Lock()


def get_limiter() -> RateLimiter:
    """The process-wide limiter: Redis-backed when ``REDIS_URL`` is set, in-process otherwise."""
    global _shared
    with _shared_lock:
        if _shared is None:
            redis_url = getattr(settings, "REDIS_URL", None)
            if redis_url:
                import redis

                _shared = RedisRateLimiter(redis.Redis.from_url(redis_url))
            else:
                _shared = LocalRateLimiter()
        return _shared
