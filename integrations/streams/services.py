"""Playback payload of an episode: its active sources resolved, grouped and cached.

Resolutions are cached per source (Redis in production) for ``STREAM_RESOLVE_TTL`` seconds;
an answer that failed (provider down) is kept only ``STREAM_RESOLVE_FAILURE_TTL`` seconds so a
recovered provider is used again soon while a dead one is not hammered on every page view.

One request per source fetches its provider page at a time: the first takes a short lock in the
cache (``cache.add``), the others wait for the answer it caches (at most the provider timeout;
then they get the iframe, uncached). A slow provider so holds one worker per source, not every
worker. Without the cache (Redis down) the lock is per process and nothing is shared.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.cache import cache

from cms.catalog.serializers import DubTeamRefSerializer, EpisodeRefSerializer

from .adapters import MESSAGE_NOT_PLAYABLE, Adapter, Resolution, SourceSpec, adapter_for

logger = logging.getLogger(__name__)

LANGUAGE_ORDER = ("uk", "ja", "en")
RESOLVE_WORKERS = 4
WAIT_POLL = 0.05  # seconds between looks for another request's answer
_local_locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)


def source_spec(source, episode) -> SourceSpec:
    """Plain description of a VideoSource for its adapter."""
    team = source.dub_team
    team_names = tuple(n for n in (team.title, team.slug) if n) if team else ()
    return SourceSpec(
        id=source.pk,
        provider=source.provider,
        kind=source.kind,
        url=source.url or "",
        variants=dict(source.variants or {}),
        subtitles=tuple(source.subtitles or ()),
        episode_number=episode.number,
        team_names=team_names,
    )


def _cache_key(spec: SourceSpec) -> str:
    # The key covers everything the answer depends on, so editing a source invalidates it.
    digest = hashlib.sha1(
        json.dumps(spec.__dict__, sort_keys=True, default=str).encode()
    ).hexdigest()
    return f"streams:resolution:{spec.id}:{digest}"


def _cache_call(method: str, *args):
    """A cache call that treats the cache being down (Redis) as a miss, never an error."""
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning("resolution cache unavailable", exc_info=True)
        return None


def resolve_cached(spec: SourceSpec) -> Resolution:
    key = _cache_key(spec)
    cached = _cache_call("get", key)
    if cached is not None:
        return Resolution(**cached)
    adapter = adapter_for(spec.provider)
    if not adapter.fetches(spec):
        return _resolve_and_store(adapter, spec, key)
    return _resolve_one_fetch_at_a_time(adapter, spec, key)


def _resolve_one_fetch_at_a_time(adapter: Adapter, spec: SourceSpec, key: str) -> Resolution:
    lock_key = f"{key}:fetching"
    patience = getattr(settings, "STREAM_PROVIDER_TIMEOUT", 3.0) + 1.0
    give_up = time.monotonic() + patience
    while time.monotonic() < give_up:
        try:
            leader = cache.add(lock_key, 1, timeout=int(patience) + 1)
        except Exception:
            logger.warning("resolution cache unavailable", exc_info=True)
            with _local_locks[key]:  # no shared cache: at least one fetch per process
                return _resolve_and_store(adapter, spec, key)
        if leader:
            try:
                return _resolve_and_store(adapter, spec, key)
            finally:
                _cache_call("delete", lock_key)
        time.sleep(WAIT_POLL)  # another request is fetching this page: wait for its answer
        cached = _cache_call("get", key)
        if cached is not None:
            return Resolution(**cached)
    logger.info("gave up waiting for source %s to be resolved elsewhere", spec.id)
    return adapter.resolve_iframe_fallback(spec)


def _resolve_and_store(adapter: Adapter, spec: SourceSpec, key: str) -> Resolution:
    try:
        resolution = adapter.resolve(spec)
    except Exception:  # a parser bug must cost one source, never the whole answer (no 500)
        logger.exception("resolving source %s failed", spec.id)
        resolution = Resolution("unavailable", message=MESSAGE_NOT_PLAYABLE)
    ttl = settings.STREAM_RESOLVE_TTL
    # An iframe page we could not read may be readable next time (provider hiccup).
    degraded = resolution.kind == "unavailable" or (
        resolution.kind == "iframe" and spec.provider != "direct"
    )
    if degraded:
        ttl = min(ttl, getattr(settings, "STREAM_RESOLVE_FAILURE_TTL", 60))
    _cache_call("set", key, resolution.as_dict(), ttl)
    return resolution


def resolve_sources(specs: list[SourceSpec]) -> list[Resolution]:
    """Resolve several sources at once: provider pages are fetched in parallel, not in turn."""
    if len(specs) <= 1:
        return [resolve_cached(spec) for spec in specs]
    with ThreadPoolExecutor(max_workers=min(RESOLVE_WORKERS, len(specs))) as pool:
        return list(pool.map(resolve_cached, specs))


def _team_dict(team) -> dict | None:
    return dict(DubTeamRefSerializer(team).data) if team else None


def _marks(start, end) -> dict | None:
    if start is None or end is None or end <= start:
        return None
    return {"start": start, "end": end}


def _neighbour(episode, anime, *, after: bool) -> dict | None:
    siblings = type(episode).objects.live().child_of(anime)
    if after:
        other = siblings.filter(number__gt=episode.number).order_by("number").first()
    else:
        other = siblings.filter(number__lt=episode.number).order_by("-number").first()
    if other is None:
        return None
    return dict(EpisodeRefSerializer(other).data)


def active_sources(episode) -> list:
    return list(episode.sources.active().select_related("dub_team").order_by("sort_order", "pk"))


def build_playback(episode) -> dict:
    """The body of ``GET /api/playback/episodes/<id>/`` (shape fixed by DESIGN.md)."""
    anime = episode.get_parent().specific
    sources = active_sources(episode)
    resolutions = resolve_sources([source_spec(s, episode) for s in sources])

    groups: dict[tuple, dict] = {}
    for source, resolution in zip(sources, resolutions, strict=True):
        key = (source.language, source.dub_team_id)
        group = groups.setdefault(
            key,
            {
                "language": source.language,
                "dub_team": _team_dict(source.dub_team),
                "sources": [],
            },
        )
        group["sources"].append(
            {"id": source.pk, "provider": source.provider, **_public(resolution)}
        )

    def group_order(item):
        (language, _), group = item
        rank = LANGUAGE_ORDER.index(language) if language in LANGUAGE_ORDER else len(LANGUAGE_ORDER)
        return (
            rank,
            group["dub_team"] is None,
            (group["dub_team"] or {}).get("title", ""),
        )

    return {
        "episode": {
            "id": episode.pk,
            "number": episode.number,
            "title": episode.title,
            "intro": _marks(episode.intro_start, episode.intro_end),
            "outro": _marks(episode.outro_start, episode.outro_end),
        },
        "previous": _neighbour(episode, anime, after=False),
        "next": _neighbour(episode, anime, after=True),
        "groups": [group for _, group in sorted(groups.items(), key=group_order)],
    }


def _public(resolution: Resolution) -> dict:
    data = resolution.as_dict()
    return {
        "kind": data["kind"],
        "url": data["url"] or None,
        "qualities": data["qualities"],
        "subtitles": data["subtitles"],
        "iframe_url": data["iframe_url"] or None,
        "message": data["message"] or None,
    }
