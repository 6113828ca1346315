"""The allowlist of video hosts per provider (settings.STREAM_PROVIDER_HOSTS): the one check
used both when an editor saves a source and when a resolved stream is returned."""

from urllib.parse import urlsplit

from django.conf import settings


def allowed_hosts(provider: str) -> list[str]:
    return settings.STREAM_PROVIDER_HOSTS.get(provider, [])


def host_matches(host: str, allowed: str) -> bool:
    """A listed host covers itself and its subdomains."""
    host, allowed = host.lower().rstrip("."), allowed.lower()
    return host == allowed or host.endswith("." + allowed)


def is_allowed_stream_url(provider: str, url: str) -> bool:
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    return any(host_matches(parts.hostname, allowed) for allowed in allowed_hosts(provider))
