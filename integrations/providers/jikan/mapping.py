"""Jikan v4 (MyAnimeList) anime/manga JSON → TitleRecord; episodes → EpisodeRecord."""

from __future__ import annotations

import datetime as dt
import re

from integrations.importers.records import EpisodeRecord, TitleRecord
from integrations.providers.values import (
    choose,
    dedupe,
    first_text,
    make_date,
    parse_iso_date,
    rich_text_from_plain,
    score_0_10,
    season_of,
    to_int,
)

SOURCE = "jikan"

FORMATS = {
    "tv": "tv",
    "tv special": "special",
    "movie": "movie",
    "ova": "ova",
    "ona": "ona",
    "special": "special",
    "music": "music",
    "cm": "special",
    "pv": "special",
    "manga": "manga",
    "manhwa": "manhwa",
    "manhua": "manhua",
    "one-shot": "one_shot",
    "light novel": "light_novel",
    "novel": "light_novel",
    "doujinshi": "manga",
    "oel": "manga",
}
STATUSES = {
    "finished airing": "finished",
    "currently airing": "ongoing",
    "not yet aired": "announced",
    "finished": "finished",
    "publishing": "ongoing",
    "on hiatus": "paused",
    "discontinued": "cancelled",
    "not yet published": "announced",
}
# MAL's rating strings start with the code: "PG-13 - Teens 13 or older".
AGE_RATINGS = {"g": "g", "pg": "pg", "pg-13": "pg13", "r": "r", "r+": "r_plus", "rx": "rx"}
WEEKDAYS = {
    "mondays": 0,
    "tuesdays": 1,
    "wednesdays": 2,
    "thursdays": 3,
    "fridays": 4,
    "saturdays": 5,
    "sundays": 6,
}


def _names(items) -> list[str]:
    return dedupe(item.get("name") for item in items or () if isinstance(item, dict))


def _poster(images) -> str:
    images = images or {}
    for fmt in ("jpg", "webp"):
        urls = images.get(fmt) or {}
        url = first_text(urls.get("large_image_url"), urls.get("image_url"))
        # MAL's placeholder for "no picture" is not a poster.
        if url and "questionmark" not in url:
            return url
    return ""


def _date(moment: dict | None, key: str) -> tuple[dt.date | None, int | None]:
    """From ``aired``/``published``: the ISO string if present, else the ``prop`` parts."""
    moment = moment or {}
    date, year = parse_iso_date(moment.get(key))
    if date is None:
        parts = ((moment.get("prop") or {}).get(key)) or {}
        date = make_date(parts.get("year"), parts.get("month"), parts.get("day"))
        year = year or to_int(parts.get("year"))
    return date, year


def _duration_minutes(value) -> int | None:
    """ "24 min per ep", "1 hr 55 min", "Unknown" → minutes."""
    if not isinstance(value, str):
        return None
    hours = re.search(r"(\d+)\s*hr", value)
    minutes = re.search(r"(\d+)\s*min", value)
    total = (int(hours.group(1)) * 60 if hours else 0) + (int(minutes.group(1)) if minutes else 0)
    return total or None


def _broadcast(data: dict) -> dict:
    broadcast = data.get("broadcast") or {}
    weekday = WEEKDAYS.get((broadcast.get("day") or "").strip().lower())
    time_text = broadcast.get("time") or ""
    try:
        time = dt.time.fromisoformat(time_text) if time_text else None
    except ValueError:
        time = None
    if weekday is None:
        return {}
    return {
        "broadcast_weekday": weekday,
        "broadcast_time": time,
        "broadcast_timezone": broadcast.get("timezone") or "Asia/Tokyo",
    }


def map_title(data: dict, kind: str) -> TitleRecord:
    """One ``data`` object of ``/anime/{id}/full`` or ``/manga/{id}/full``."""
    titles = {
        t.get("type"): t.get("title") for t in data.get("titles") or () if isinstance(t, dict)
    }
    synonyms = list(data.get("title_synonyms") or ()) + [
        t.get("title") for t in data.get("titles") or () if t.get("type") == "Synonym"
    ]
    moment = data.get("aired") if kind == "anime" else data.get("published")
    start, start_year = _date(moment, "from")
    end, _ = _date(moment, "to")
    year = to_int(data.get("year")) or start_year
    season = (data.get("season") or "").lower()
    status = choose(data.get("status"), STATUSES, "announced", source=SOURCE, field="status")
    rating_code = (data.get("rating") or "").split(" - ")[0].strip()
    mal_id = to_int(data.get("mal_id"))
    record = TitleRecord(
        source=SOURCE,
        kind=kind,
        external_id=str(mal_id),
        title_en=first_text(data.get("title_english"), titles.get("English")),
        title_romaji=first_text(data.get("title"), titles.get("Default")),
        title_native=first_text(data.get("title_japanese"), titles.get("Japanese")),
        synonyms=dedupe(synonyms),
        description=rich_text_from_plain(data.get("synopsis")),
        format=choose(
            data.get("type"),
            FORMATS,
            "tv" if kind == "anime" else "manga",
            source=SOURCE,
            field="type",
        ),
        status=status,
        start_date=start,
        end_date=end,
        season=season if season in ("winter", "spring", "summer", "fall") else season_of(start),
        year=year,
        genres=_names(
            (data.get("genres") or [])
            + (data.get("explicit_genres") or [])
            + (data.get("themes") or [])
            + (data.get("demographics") or [])
        ),
        studios=_names(data.get("studios") if kind == "anime" else data.get("serializations")),
        age_rating=choose(rating_code, AGE_RATINGS, "", source=SOURCE, field="rating"),
        external_score=score_0_10(data.get("score"), 10),
        poster_url=_poster(data.get("images")),
        external_ids={"mal": mal_id} if mal_id else {},
    )
    if kind == "anime":
        record.episodes_total = to_int(data.get("episodes")) or None
        record.episode_duration = _duration_minutes(data.get("duration"))
        if status == "ongoing":
            for key, value in _broadcast(data).items():
                setattr(record, key, value)
    else:
        record.chapters_total = to_int(data.get("chapters")) or None
    return record


def map_episode(data: dict) -> EpisodeRecord | None:
    """One item of ``/anime/{id}/episodes`` (``mal_id`` is the episode number there)."""
    number = to_int(data.get("mal_id"))
    if not number:
        return None
    air_date, _ = parse_iso_date(data.get("aired"))
    return EpisodeRecord(
        number=number,
        title=first_text(data.get("title"), data.get("title_romanji")),
        air_date=air_date,
    )
