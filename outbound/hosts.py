"""The host allowlist of video providers (``settings.STREAM_PROVIDER_HOSTS``): the one check
used when an editor saves a source, when the resolver fetches a provider page or returns a
stream, and when the periodic check probes a stored URL.

A listed host covers itself and its subdomains; a provider may list extra hosts
(``csst=csst.online|secvideo1.online``). A URL must also pass ``outbound.urls``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from .urls import UnsafeUrl, parse_http_url


def allowed_hosts(provider: str) -> list[str]:
    return list(settings.STREAM_PROVIDER_HOSTS.get(provider, []))


def host_matches(host: str, allowed: str) -> bool:
    """A listed host covers itself and its subdomains."""
    host, allowed = host.lower().rstrip("."), allowed.lower().rstrip(".")
    return bool(allowed) and (host == allowed or host.endswith("." + allowed))


def host_allowed(host: str, hosts: Iterable[str]) -> bool:
    return any(host_matches(host, allowed) for allowed in hosts)


def is_allowed_url(url, hosts: Iterable[str]) -> bool:
    """The URL passes the URL rules and its host is on ``hosts``."""
    try:
        parsed = parse_http_url(url)
    except UnsafeUrl:
        return False
    return host_allowed(parsed.host, hosts)


def is_allowed_stream_url(provider: str, url) -> bool:
    return is_allowed_url(url, allowed_hosts(provider))
