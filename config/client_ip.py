"""The address a request came from, and a per-address counter for caps on anonymous actions.

``client_ip``: the connection's address (``REMOTE_ADDR``), unless ``TRUSTED_PROXY_COUNT`` proxies
of ours stand in front: then ``X-Forwarded-For`` is read from the right, skipping the entries
those proxies appended, so whatever a client wrote there itself is never believed. With 1 (our
nginx, ``proxy_add_x_forwarded_for``) the last entry is the address nginx saw.

``count_hit``: one atomic increment per hit in a fixed window (Redis ``INCR`` through the
cache), so concurrent requests cannot all read "under the limit" before any of them writes.
"""

from __future__ import annotations

import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # it did not come through all of our proxies
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote


def count_hit(scope: str, ident: str, window: int) -> int | None:
    """Count one hit of ``ident`` in the current ``window`` (seconds) and return the count so
    far, or None when the cache is down (the caller decides; a cap then lets requests pass)."""
    key = f"hits:{scope}:{ident}:{int(time.time() // window)}"
    try:
        cache.add(key, 0, timeout=window + 60)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 60)
            return 1
    except Exception:
        logger.warning("hit counter unavailable (cache down)", exc_info=True)
        return None
