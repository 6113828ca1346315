"""A chapter's pages as the reader gets them, resolved at read time and never stored.

A MangaDex chapter's pages come from the at-home server (`integrations.providers.mangadex.
athome`); its answer is cached per chapter for `READER_CACHE_TTL` seconds (kept below the
~15 minutes its URLs are valid), and both qualities come from the one answer. A failure is
cached `READER_FAILURE_TTL` seconds (a 429 for its `Retry-After`), so a dead chapter is not
asked again on every view. One request per chapter asks at-home at a time: the first takes a
short lock in the cache, the others wait for what it caches (at most the timeout, then they
answer "unavailable", uncached). An editor's chapter gives its stored URLs, each checked
against `READER_IMAGE_HOSTS` again (the setting may have changed since). A chapter that only
links to its translators' site, or whose pages cannot be had now, answers no pages and a
Ukrainian `message`, with `source_url` where to read it.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from cms.catalog.serializers import ChapterRefSerializer
from integrations.providers.mangadex.athome import (
    AtHome,
    AtHomeBusy,
    AtHomeDown,
    ChapterGone,
    chapter_url,
    fetch_at_home,
)
from outbound.hosts import is_allowed_url

from .serializers import ReaderChapterSerializer

logger = logging.getLogger(__name__)

MESSAGE_GONE = (
    "Цього розділу вже немає на MangaDex: можливо, його прибрали. Спробуйте знайти його в джерелі."
)
MESSAGE_DOWN = "MangaDex зараз не відповідає. Спробуйте за хвилину або прочитайте розділ у джерелі."
MESSAGE_BUSY = (
    "Зараз забагато запитів до MangaDex. Спробуйте за хвилину або прочитайте розділ у джерелі."
)
MESSAGE_EXTERNAL = "Цей розділ перекладачі опублікували на своєму сайті: читайте його там."
MESSAGE_HOST = "Сторінки цього розділу розміщені на сайті, з якого ми не показуємо зображень."
MESSAGES = {"gone": MESSAGE_GONE, "down": MESSAGE_DOWN, "busy": MESSAGE_BUSY}
WAIT_POLL = 0.05  # seconds between looks for another request's answer


def _cache_call(method: str, *args):
    """The cache being down (Redis) is a miss, never an error."""
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning("reader cache unavailable", exc_info=True)
        return None


def _resolve(chapter_id: str) -> tuple[dict, int]:
    """Ask at-home once: the state to cache and for how long."""
    failure_ttl = settings.READER_FAILURE_TTL
    try:
        at_home = fetch_at_home(chapter_id, timeout=settings.READER_TIMEOUT)
    except ChapterGone as exc:
        logger.info("reader: %s", exc)
        return {"kind": "gone"}, failure_ttl
    except AtHomeBusy as exc:
        return {"kind": "busy"}, max(1, min(int(exc.retry_after) + 1, failure_ttl))
    except AtHomeDown as exc:
        logger.warning("reader: %s", exc)
        return {"kind": "down"}, failure_ttl
    except Exception:  # a bug costs one chapter its pages, never the answer (no 500)
        logger.exception("reader: resolving chapter %s failed", chapter_id)
        return {"kind": "down"}, failure_ttl
    return {"kind": "ok", **at_home.as_dict()}, min(settings.READER_CACHE_TTL, 840)


def at_home_state(chapter_id: str) -> dict:
    """The cached at-home state of a MangaDex chapter: `{"kind": "ok", …AtHome}` or
    `{"kind": "gone" | "busy" | "down"}`."""
    key = "reader:at-home:" + hashlib.sha1(chapter_id.encode()).hexdigest()
    cached = _cache_call("get", key)
    if cached is not None:
        return cached
    patience = settings.READER_TIMEOUT + 1.0
    give_up = time.monotonic() + patience
    while True:
        leader = _cache_call("add", f"{key}:fetching", 1, int(patience) + 1)
        if leader or leader is None:  # None: no shared cache, every request asks for itself
            try:
                state, ttl = _resolve(chapter_id)
                _cache_call("set", key, state, ttl)
                return state
            finally:
                if leader:
                    _cache_call("delete", f"{key}:fetching")
        time.sleep(WAIT_POLL)  # another request is asking at-home for this chapter
        cached = _cache_call("get", key)
        if cached is not None:
            return cached
        if time.monotonic() >= give_up:
            logger.info("reader: gave up waiting for chapter %s", chapter_id)
            return {"kind": "down"}


def chapter_pages(chapter, data_saver: bool = False) -> tuple[list[str], str | None]:
    """The chapter's page image URLs now, or no pages and why (Ukrainian)."""
    if chapter.mangadex_chapter_id:
        state = at_home_state(chapter.mangadex_chapter_id)
        if state["kind"] != "ok":
            return [], MESSAGES[state["kind"]]
        return AtHome.from_dict(state).page_urls(data_saver), None
    if chapter.page_urls:
        urls = [url for url in chapter.page_urls if isinstance(url, str)]
        if len(urls) != len(chapter.page_urls) or not all(
            is_allowed_url(url, settings.READER_IMAGE_HOSTS) for url in urls
        ):
            return [], MESSAGE_HOST
        return urls, None
    return [], MESSAGE_EXTERNAL


def source_url(chapter) -> str | None:
    """Where to read the chapter at its source: the editor's link, else MangaDex's page."""
    if chapter.source_url:
        return chapter.source_url
    if chapter.mangadex_chapter_id:
        return chapter_url(chapter.mangadex_chapter_id)
    return None


def relay_path(chapter_id: int, index: int, data_saver: bool) -> str:
    """Our own URL of one page image, when `READER_PROXY_IMAGES` relays them."""
    query = "?quality=data-saver" if data_saver else ""
    return f"/api/reader/chapters/{chapter_id}/pages/{index}/{query}"


def _ref(neighbour) -> dict | None:
    return dict(ChapterRefSerializer(neighbour).data) if neighbour else None


def build_reader(chapter, data_saver: bool = False) -> dict:
    """The body of `GET /api/reader/chapters/<id>/`."""
    urls, message = chapter_pages(chapter, data_saver)
    if settings.READER_PROXY_IMAGES:
        urls = [relay_path(chapter.pk, index, data_saver) for index in range(len(urls))]
    return {
        "chapter": dict(ReaderChapterSerializer(chapter).data),
        "pages": [{"url": url, "width": None, "height": None} for url in urls],
        "previous": _ref(chapter.previous),
        "next": _ref(chapter.next),
        "source_url": source_url(chapter),
        "message": message,
    }
