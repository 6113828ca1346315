"""Periodic health check of active video sources.

Each active source is probed (a playlist must answer 200 and start with ``#EXTM3U``; an iframe
page must answer below 400) through the guarded client of ``outbound.http`` (the provider's
allowlist on every hop, no private addresses, the first 64 KB only, one deadline per URL) with
bounded concurrency. A stored URL off the allowlist is never fetched: it is recorded as
``host not allowed``, a failure like any other. The outcome goes to
``last_checked`` / ``last_status``; after ``STREAM_CHECK_MAX_FAILURES`` failures in a row a
source is deactivated, and staff find it in the admin report of broken sources.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cms.anime.models import AnimePage, VideoSource
from cms.anime.signals import refresh_anime_dubbings
from cms.catalog.cache import invalidate_catalog
from cms.dubbing.dubbings import parent_title
from outbound import http
from outbound.hosts import allowed_hosts, is_allowed_stream_url

from .adapters import stream_kind

STATUS_OK = "ok"


def max_failures() -> int:
    return getattr(settings, "STREAM_CHECK_MAX_FAILURES", 3)


STATUS_HOST_NOT_ALLOWED = "host not allowed"
PROBE_BYTES = 64 * 1024  # enough to see "#EXTM3U"; an MP4 is not downloaded whole


def probe_url(url: str, hosts: list[str], expect_playlist: bool) -> str:
    """``ok`` or a short reason (shown to staff) why the URL does not work."""
    timeout = getattr(settings, "STREAM_CHECK_TIMEOUT", 5.0)
    try:
        response = http.fetch(
            url, hosts=hosts, timeout=timeout, max_bytes=PROBE_BYTES, truncate=True
        )
    except http.DeadlineExceeded:
        return "timeout"
    except http.Refused as exc:
        return f"refused: {exc}"[:255]
    except http.FetchError as exc:
        return f"network error: {type(exc.__cause__ or exc).__name__}"
    if response.status >= 400:
        return f"HTTP {response.status}"
    if expect_playlist and not response.text.lstrip().startswith("#EXTM3U"):
        return "not an HLS playlist"
    return STATUS_OK


def probe_source(source: VideoSource) -> str:
    urls = [source.url] if source.kind == "iframe" else source.stream_urls()
    if not urls or not all(urls):
        return "no URL"
    if not all(is_allowed_stream_url(source.provider, url) for url in urls):
        return STATUS_HOST_NOT_ALLOWED
    hosts = allowed_hosts(source.provider)
    for url in urls:
        playlist = source.kind != "iframe" and stream_kind(url) != "file"
        status = probe_url(url, hosts, expect_playlist=playlist)
        if status != STATUS_OK:
            return status
    return STATUS_OK


def record(source: VideoSource, status: str) -> None:
    """Store one outcome; update() keeps page revisions and the search index out of it."""
    now = timezone.now()
    rows = VideoSource.objects.filter(pk=source.pk)
    if status == STATUS_OK:
        rows.update(last_checked=now, last_status=status, consecutive_failures=0)
        return
    rows.update(
        last_checked=now,
        last_status=status[:255],
        consecutive_failures=F("consecutive_failures") + 1,
    )
    if rows.filter(consecutive_failures__gte=max_failures()).update(is_active=False):
        # The title's dub-team/audio filters and cached listings must stop offering it.
        anime = parent_title(source.episode, AnimePage)
        if anime is not None:
            refresh_anime_dubbings(anime)
        invalidate_catalog()


def check_sources(source_ids: list[int] | None = None) -> dict[str, int]:
    """Probe the active sources (or the given ones); return counts for the task's log."""
    sources = VideoSource.objects.filter(is_active=True)
    if source_ids is not None:
        sources = sources.filter(pk__in=source_ids)
    sources = list(sources)
    workers = max(1, min(getattr(settings, "STREAM_CHECK_CONCURRENCY", 8), len(sources) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        statuses = list(pool.map(probe_source, sources))
    for source, status in zip(sources, statuses, strict=True):
        record(source, status)
    failed = sum(status != STATUS_OK for status in statuses)
    return {"checked": len(sources), "failed": failed}
