"""AniList GraphQL ``Media`` → TitleRecord (HTML descriptions sanitised to our rich text)."""

from __future__ import annotations

import datetime as dt

from integrations.importers.records import TitleRecord
from integrations.providers.values import (
    choose,
    dedupe,
    first_text,
    make_date,
    rich_text_from_html,
    score_0_10,
    season_of,
    to_int,
)

SOURCE = "anilist"

FORMATS = {
    "tv": "tv",
    "tv_short": "tv",
    "movie": "movie",
    "special": "special",
    "ova": "ova",
    "ona": "ona",
    "music": "music",
    "manga": "manga",
    "novel": "light_novel",
    "one_shot": "one_shot",
}
STATUSES = {
    "finished": "finished",
    "releasing": "ongoing",
    "not_yet_released": "announced",
    "cancelled": "cancelled",
    "hiatus": "paused",
}
SEASONS = {"winter": "winter", "spring": "spring", "summer": "summer", "fall": "fall"}
# AniList has no manhwa/manhua format: the country of origin tells them apart.
COUNTRY_FORMATS = {"KR": "manhwa", "CN": "manhua", "TW": "manhua"}

MEDIA_FIELDS = """
  id idMal type format status countryOfOrigin isAdult
  title { romaji english native }
  synonyms
  description(asHtml: true)
  startDate { year month day }
  endDate { year month day }
  season seasonYear episodes duration chapters volumes
  genres
  studios(isMain: true) { nodes { name isAnimationStudio } }
  averageScore meanScore
  coverImage { extraLarge large medium }
  nextAiringEpisode { airingAt episode }
"""


def _date(parts) -> tuple[dt.date | None, int | None]:
    parts = parts or {}
    return make_date(parts.get("year"), parts.get("month"), parts.get("day")), to_int(
        parts.get("year")
    )


def map_title(media: dict, kind: str | None = None) -> TitleRecord:
    kind = kind or ("manga" if media.get("type") == "MANGA" else "anime")
    title = media.get("title") or {}
    start, start_year = _date(media.get("startDate"))
    end, _ = _date(media.get("endDate"))
    default_format = "tv" if kind == "anime" else "manga"
    fmt = choose(media.get("format"), FORMATS, default_format, source=SOURCE, field="format")
    if kind == "manga" and fmt == "manga":
        fmt = COUNTRY_FORMATS.get(media.get("countryOfOrigin") or "", "manga")
    status = choose(media.get("status"), STATUSES, "announced", source=SOURCE, field="status")
    studios = ((media.get("studios") or {}).get("nodes")) or []
    cover = media.get("coverImage") or {}
    mal_id = to_int(media.get("idMal"))
    anilist_id = to_int(media.get("id"))
    record = TitleRecord(
        source=SOURCE,
        kind=kind,
        external_id=str(anilist_id),
        title_en=first_text(title.get("english")),
        title_romaji=first_text(title.get("romaji")),
        title_native=first_text(title.get("native")),
        synonyms=dedupe(media.get("synonyms")),
        description=rich_text_from_html(media.get("description")),
        format=fmt,
        status=status,
        start_date=start,
        end_date=end,
        season=choose(media.get("season"), SEASONS, "", source=SOURCE, field="season")
        or season_of(start),
        year=to_int(media.get("seasonYear")) or start_year,
        genres=dedupe(media.get("genres")),
        studios=dedupe(
            s.get("name")
            for s in studios
            if isinstance(s, dict) and (kind == "manga" or s.get("isAnimationStudio", True))
        ),
        age_rating="rx" if media.get("isAdult") else "",
        external_score=score_0_10(media.get("averageScore") or media.get("meanScore"), 100),
        poster_url=first_text(cover.get("extraLarge"), cover.get("large"), cover.get("medium")),
        external_ids={k: v for k, v in (("anilist", anilist_id), ("mal", mal_id)) if v},
    )
    if kind == "anime":
        record.episodes_total = to_int(media.get("episodes")) or None
        record.episode_duration = to_int(media.get("duration")) or None
        airing = media.get("nextAiringEpisode") or {}
        airing_at = to_int(airing.get("airingAt"))
        if airing_at:
            record.next_episode_at = dt.datetime.fromtimestamp(airing_at, tz=dt.UTC)
            record.next_episode_number = to_int(airing.get("episode"))
    else:
        record.chapters_total = to_int(media.get("chapters")) or None
    return record
