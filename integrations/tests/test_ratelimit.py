"""The limiter's two backends obey the same rules; the Redis one is shared between instances."""

import uuid

import pytest

from integrations.ratelimit import FakeClock, LocalRateLimiter, RedisRateLimiter, Rule

RULES = {"src": (Rule(3, 1.0), Rule(5, 10.0))}


def redis_client():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return client


def redis_limiter(client, clock):
    """A limiter under a key prefix of its own: parallel test workers share the Redis."""
    limiter = RedisRateLimiter(client, clock=clock, rules=RULES)
    limiter.prefix = f"anihata-test:{uuid.uuid4().hex}"
    return limiter


def grant_times(limiter, clock, n):
    times = []
    for _ in range(n):
        limiter.acquire("src")
        times.append(clock.now())
    return times


@pytest.mark.parametrize("backend", ["local", "redis"])
def test_sliding_windows(backend):
    clock = FakeClock()
    if backend == "local":
        limiter = LocalRateLimiter(clock=clock, rules=RULES)
    else:
        limiter = redis_limiter(redis_client(), clock)
    times = grant_times(limiter, clock, 7)
    start = times[0]
    assert [round(t - start, 3) for t in times] == [0, 0, 0, 1, 1, 10, 10]


@pytest.mark.parametrize("backend", ["local", "redis"])
def test_block_pauses_the_key(backend):
    clock = FakeClock()
    if backend == "local":
        limiter = LocalRateLimiter(clock=clock, rules=RULES)
    else:
        limiter = redis_limiter(redis_client(), clock)
    limiter.block("src", 30)
    limiter.block("src", 5)  # a shorter block never shortens the first
    assert limiter.acquire("src") == pytest.approx(30)


def test_redis_limiter_is_shared_between_workers():
    client = redis_client()
    clock = FakeClock()
    first = redis_limiter(client, clock)
    second = RedisRateLimiter(client, clock=clock, rules=RULES)
    second.prefix = first.prefix  # another worker process, same Redis keys
    start = clock.now()
    for limiter in (first, second, first):
        limiter.acquire("src")
    second.acquire("src")  # the fourth request in a second, whoever sends it, waits
    assert clock.now() - start == pytest.approx(1)
