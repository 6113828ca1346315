"""Periodic health check of active video sources.

Each active source is probed (a playlist must answer 200 and start with ``#EXTM3U``; an iframe
page must answer below 400) with a short timeout and bounded concurrency. The outcome goes to
``last_checked`` / ``last_status``; after ``STREAM_CHECK_MAX_FAILURES`` failures in a row a
source is deactivated, and staff find it in the admin report of broken sources.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cms.anime.models import AnimePage, VideoSource
from cms.anime.signals import refresh_anime_dubbings
from cms.catalog.cache import invalidate_catalog
from cms.catalog.dubbings import parent_title

from .adapters import stream_kind

STATUS_OK = "ok"


def max_failures() -> int:
    return getattr(settings, "STREAM_CHECK_MAX_FAILURES", 3)


def probe_url(client: httpx.Client, url: str, expect_playlist: bool) -> str:
    """``ok`` or a short reason (shown to staff) why the URL does not work."""
    try:
        response = client.get(url)
    except httpx.TimeoutException:
        return "timeout"
    except httpx.HTTPError as exc:
        return f"network error: {type(exc).__name__}"
    if response.status_code >= 400:
        return f"HTTP {response.status_code}"
    if expect_playlist and not response.text.lstrip().startswith("#EXTM3U"):
        return "not an HLS playlist"
    return STATUS_OK


def probe_source(client: httpx.Client, source: VideoSource) -> str:
    if source.kind == "iframe":
        return probe_url(client, source.url, expect_playlist=False)
    for url in source.stream_urls():
        status = probe_url(client, url, expect_playlist=stream_kind(url) != "file")
        if status != STATUS_OK:
            return status
    return STATUS_OK if source.stream_urls() else "no URL"


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
    timeout = getattr(settings, "STREAM_CHECK_TIMEOUT", 5.0)
    workers = max(1, min(getattr(settings, "STREAM_CHECK_CONCURRENCY", 8), len(sources) or 1))
    limits = httpx.Limits(max_connections=workers)
    with (
        httpx.Client(timeout=timeout, follow_redirects=True, limits=limits) as client,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        statuses = list(pool.map(lambda s: probe_source(client, s), sources))
    for source, status in zip(sources, statuses, strict=True):
        record(source, status)
    failed = sum(status != STATUS_OK for status in statuses)
    return {"checked": len(sources), "failed": failed}
