"""Content-Security-Policy of production (django-csp): where frames, media, fetches and images
may come from is derived from the stream provider and image host allowlists (posters and the
manga reader's page images), so adding a provider to `STREAM_PROVIDER_HOSTS` (or an image host
to `READER_IMAGE_HOSTS`) is the only change needed for its player (or its pages) to load."""

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts

# Wagtail's admin still relies on inline scripts and eval (modal choosers); nowhere else does.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_SCRIPT_SOURCES = ["'unsafe-inline'", "'unsafe-eval'"]


def host_sources(hosts) -> list[str]:
    """`ashdi.vip` → `https://ashdi.vip https://*.ashdi.vip` (a host covers its subdomains)."""
    sources: list[str] = []
    for host in sorted(set(hosts)):
        sources += [f"https://{host}", f"https://*.{host}"]
    return sources


def policy_directives(stream_provider_hosts: dict[str, list[str]], image_hosts) -> dict:
    streams = host_sources(host for hosts in stream_provider_hosts.values() for host in hosts)
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "font-src": [SELF, "data:"],
        "img-src": [SELF, "data:", "blob:", *host_sources(image_hosts)],
        # hls.js plays through MediaSource (blob:) and fetches playlists and segments.
        "media-src": [SELF, "blob:", *streams],
        "connect-src": [SELF, *streams],
        "frame-src": [SELF, *streams],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's script allowance added under the admin only."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**(parts.update or {}), "script-src": ADMIN_SCRIPT_SOURCES}
        return parts
