"""The client address behind 0..n trusted proxies, and the atomic hit counter."""

import threading

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from config.client_ip import client_ip, count_hit


def request(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),  # nobody's X-Forwarded-For is believed
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what our nginx appended
        (1, "203.0.113.7", "203.0.113.7"),
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # did not come through both proxies
        (1, None, "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request(forwarded=forwarded)) == expected


def test_count_hit_is_one_atomic_increment_per_hit():
    """Threads hitting at once each get their own number: no two read the same count."""
    counts = []
    lock = threading.Lock()

    def hit():
        number = count_hit("test-scope", "203.0.113.1", 3600)
        with lock:
            counts.append(number)

    threads = [threading.Thread(target=hit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 21))
    assert count_hit("test-scope", "203.0.113.2", 3600) == 1


def test_count_hit_with_the_cache_down(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(type(cache._connections[cache._alias]), "add", down)
    assert count_hit("test-scope", "203.0.113.3", 3600) is None
