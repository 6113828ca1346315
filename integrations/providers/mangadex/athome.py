"""MangaDex's at-home API: where a chapter's page images are served right now.

``GET {MANGADEX_BASE_URL}/at-home/server/{chapterId}`` answers ``{"result": "ok", "baseUrl",
"chapter": {"hash", "data": [files], "dataSaver": [files]}}``; a page is
``{baseUrl}/data/{hash}/{file}`` (``data-saver`` for the smaller images). The base URL is valid
for about 15 minutes. It is asked while a reader waits, so unlike the importers' client it never
sleeps: the request goes through the guarded client (``outbound.http.fetch``: the API's host
only, one deadline, a body cap), the shared limiter is asked for a slot without waiting, and a
429 pauses everyone for its ``Retry-After``. Failures are typed: ``ChapterGone`` (404: the
chapter was removed), ``AtHomeBusy`` (rate limited, with the wait), ``AtHomeDown`` (timeout,
5xx, a network error, an answer we cannot use).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from integrations.providers.http import DEFAULT_USER_AGENT, parse_retry_after
from integrations.ratelimit import RateLimiter, get_limiter
from outbound import http
from outbound.hosts import is_allowed_url

logger = logging.getLogger(__name__)

LIMIT_KEY = "mangadex-at-home"
SITE_URL = "https://mangadex.org"  # where a visitor reads a chapter on MangaDex itself
MAX_ANSWER = 256 * 1024  # a chapter of a few hundred pages is ~40 KB of JSON
# MangaDex ids are UUIDs; anything else stored by hand must not reshape the request path.
CHAPTER_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
FILE_NAME = re.compile(r"[0-9A-Za-z._-]{1,200}")


class AtHomeError(Exception):
    """No page images for this chapter now."""


class ChapterGone(AtHomeError):
    """MangaDex has no such chapter (404), or it has no pages there (hosted elsewhere)."""


class AtHomeBusy(AtHomeError):
    """Rate limited (by MangaDex or by our own limiter): try again in ``retry_after`` s."""

    def __init__(self, message: str, retry_after: float):
        super().__init__(message)
        self.retry_after = retry_after


class AtHomeDown(AtHomeError):
    """Timeout, 5xx, a network error or an answer we cannot use."""


@dataclass(frozen=True)
class AtHome:
    base_url: str
    hash: str
    data: tuple[str, ...]
    data_saver: tuple[str, ...]

    def page_urls(self, data_saver: bool = False) -> list[str]:
        # A chapter without smaller images is read in the full ones.
        use_saver = data_saver and bool(self.data_saver)
        folder, files = ("data-saver", self.data_saver) if use_saver else ("data", self.data)
        return [f"{self.base_url}/{folder}/{self.hash}/{name}" for name in files]

    def as_dict(self) -> dict:
        return {
            "base_url": self.base_url,
            "hash": self.hash,
            "data": list(self.data),
            "data_saver": list(self.data_saver),
        }

    @classmethod
    def from_dict(cls, data: dict) -> AtHome:
        return cls(data["base_url"], data["hash"], tuple(data["data"]), tuple(data["data_saver"]))


def chapter_url(chapter_id: str) -> str:
    """The chapter on MangaDex's own site (the link we give when we cannot show it)."""
    return f"{SITE_URL}/chapter/{chapter_id}"


def api_base() -> str:
    return settings.MANGADEX_BASE_URL.rstrip("/")


def fetch_at_home(chapter_id: str, *, timeout: float, limiter: RateLimiter | None = None) -> AtHome:
    """Where ``chapter_id``'s pages are now (see the module docstring for the errors)."""
    if not CHAPTER_ID.fullmatch(chapter_id or ""):
        raise ChapterGone(f"not a MangaDex chapter id: {chapter_id[:80]!r}")
    limiter = limiter or get_limiter()
    try:
        wait = limiter.try_acquire(LIMIT_KEY)
    except Exception:  # the shared limiter (Redis) down: MangaDex's own 429 still guards us
        logger.warning("rate limiter unavailable", exc_info=True)
        wait = 0.0
    if wait > 0:
        raise AtHomeBusy("at-home requests paused by our limiter", retry_after=wait)
    base = api_base()
    user_agent = getattr(settings, "IMPORTER_USER_AGENT", DEFAULT_USER_AGENT)
    try:
        page = http.fetch(
            f"{base}/at-home/server/{chapter_id}",
            hosts=[urlsplit(base).hostname or ""],
            timeout=timeout,
            max_bytes=MAX_ANSWER,
            headers={"User-Agent": user_agent, "Accept": "application/json"},
        )
    except http.FetchError as exc:
        raise AtHomeDown(f"at-home request failed: {exc}") from exc
    if page.status == 404:
        raise ChapterGone(f"chapter {chapter_id} not found")
    if page.status == 429:
        wait = parse_retry_after(page.headers.get("Retry-After"), limiter.clock.now()) or 60.0
        wait = min(wait, 600.0)
        limiter.block(LIMIT_KEY, wait)
        raise AtHomeBusy("rate limited by MangaDex (429)", retry_after=wait)
    if page.status != 200:
        raise AtHomeDown(f"at-home answered {page.status}")
    return parse_at_home(page.content)


def parse_at_home(content: bytes) -> AtHome:
    """The answer's base URL, hash and file names, checked: the base URL must pass our URL rules
    and be on ``READER_IMAGE_HOSTS`` (browsers load from it), names must be plain file names."""
    try:
        body = json.loads(content)
        chapter = body["chapter"]
        base_url = str(body["baseUrl"]).rstrip("/")
        hash_ = str(chapter["hash"])
        data, data_saver = chapter["data"], chapter.get("dataSaver") or []
        if not isinstance(data, list) or not isinstance(data_saver, list):
            raise TypeError("file lists expected")
        data = tuple(str(name) for name in data)
        data_saver = tuple(str(name) for name in data_saver)
    except (ValueError, KeyError, TypeError) as exc:
        raise AtHomeDown(f"unreadable at-home answer: {exc}") from exc
    if body.get("result") != "ok":
        raise AtHomeDown(f"at-home result {str(body.get('result'))[:40]!r}")
    if not is_allowed_url(f"{base_url}/", settings.READER_IMAGE_HOSTS):
        raise AtHomeDown(f"at-home base URL off READER_IMAGE_HOSTS: {base_url[:100]}")
    names_ok = all(FILE_NAME.fullmatch(name) for name in (hash_, *data, *data_saver))
    if not names_ok or ".." in "".join((hash_, *data, *data_saver)):
        raise AtHomeDown("at-home answer with odd file names")
    if not data:
        raise ChapterGone("the chapter has no pages on MangaDex (hosted elsewhere)")
    return AtHome(base_url, hash_, data, data_saver)
