"""Kitsu JSON:API resource (+ ``included`` categories and mappings) → TitleRecord.

Kitsu sends ratings as strings ("82.65" on a 0–100 scale) and puts genres and cross ids in the
``included`` side-list, which this module joins back by relationship ids.
"""

from __future__ import annotations

from integrations.importers.records import TitleRecord
from integrations.providers.values import (
    choose,
    dedupe,
    first_text,
    parse_iso_date,
    rich_text_from_plain,
    score_0_10,
    season_of,
    to_int,
)

SOURCE = "kitsu"

FORMATS = {
    "tv": "tv",
    "movie": "movie",
    "ova": "ova",
    "ona": "ona",
    "special": "special",
    "music": "music",
    "manga": "manga",
    "manhwa": "manhwa",
    "manhua": "manhua",
    "oneshot": "one_shot",
    "novel": "light_novel",
    "doujin": "manga",
    "oel": "manga",
}
STATUSES = {
    "current": "ongoing",
    "finished": "finished",
    "tba": "announced",
    "unreleased": "announced",
    "upcoming": "announced",
}
AGE_RATINGS = {"g": "g", "pg": "pg", "r": "r", "r18": "rx"}
MAPPING_SITES = {"myanimelist": "mal", "anilist": "anilist"}


def _related(resource: dict, included: list, name: str) -> list[dict]:
    links = ((resource.get("relationships") or {}).get(name) or {}).get("data") or []
    if isinstance(links, dict):  # a to-one relationship
        links = [links]
    wanted = {(link.get("type"), str(link.get("id"))) for link in links if isinstance(link, dict)}
    return [
        item
        for item in included or ()
        if isinstance(item, dict) and (item.get("type"), str(item.get("id"))) in wanted
    ]


def _cross_ids(resource: dict, included: list, kind: str) -> dict:
    ids = {}
    for item in _related(resource, included, "mappings"):
        attrs = item.get("attributes") or {}
        site, _, site_kind = (attrs.get("externalSite") or "").partition("/")
        if site in MAPPING_SITES and site_kind == kind:
            number = to_int(attrs.get("externalId"))
            if number:
                ids[MAPPING_SITES[site]] = number
    return ids


def _studios(resource: dict, included: list) -> list[str]:
    """Producers linked through ``animeProductions`` with the role "studio"."""
    names = []
    for production in _related(resource, included, "animeProductions"):
        if (production.get("attributes") or {}).get("role") != "studio":
            continue
        for producer in _related(production, included, "producer"):
            names.append((producer.get("attributes") or {}).get("name"))
    return dedupe(names)


def map_title(resource: dict, included: list | None, kind: str) -> TitleRecord:
    attrs = resource.get("attributes") or {}
    titles = attrs.get("titles") or {}
    start, start_year = parse_iso_date(attrs.get("startDate"))
    end, _ = parse_iso_date(attrs.get("endDate"))
    poster = attrs.get("posterImage") or {}
    kitsu_id = str(resource.get("id") or "")
    categories = _related(resource, included, "categories")
    native_key = "ko_kr" if "ko_kr" in titles else "zh_cn" if "zh_cn" in titles else "ja_jp"
    record = TitleRecord(
        source=SOURCE,
        kind=kind,
        external_id=kitsu_id,
        title_en=first_text(titles.get("en"), titles.get("en_us")),
        title_romaji=first_text(
            titles.get("en_jp"), titles.get("ko_kr_romaji"), attrs.get("canonicalTitle")
        ),
        title_native=first_text(titles.get(native_key)),
        synonyms=dedupe(attrs.get("abbreviatedTitles")),
        description=rich_text_from_plain(
            first_text(attrs.get("synopsis"), attrs.get("description"))
        ),
        format=choose(
            attrs.get("subtype"),
            FORMATS,
            "tv" if kind == "anime" else "manga",
            source=SOURCE,
            field="subtype",
        ),
        status=choose(attrs.get("status"), STATUSES, "announced", source=SOURCE, field="status"),
        start_date=start,
        end_date=end,
        season=season_of(start),
        year=start_year,
        genres=dedupe((c.get("attributes") or {}).get("title") for c in categories),
        age_rating=choose(
            attrs.get("ageRating"), AGE_RATINGS, "", source=SOURCE, field="ageRating"
        ),
        external_score=score_0_10(attrs.get("averageRating"), 100),
        poster_url=first_text(poster.get("original"), poster.get("large"), poster.get("medium")),
        external_ids={"kitsu": kitsu_id, **_cross_ids(resource, included, kind)},
    )
    if kind == "anime":
        record.studios = _studios(resource, included)
        record.episodes_total = to_int(attrs.get("episodeCount")) or None
        record.episode_duration = to_int(attrs.get("episodeLength")) or None
    else:
        record.chapters_total = to_int(attrs.get("chapterCount")) or None
    return record
