"""Hikka (hikka.io) anime/manga → TitleRecord carrying the Ukrainian name and synopsis.

Hikka is our source of Ukrainian names: the record it makes is partial on purpose (names,
synopsis, genres' Ukrainian names and the cross ids); the catalog data comes from the others.
"""

from __future__ import annotations

from integrations.importers.records import TitleRecord
from integrations.providers.values import dedupe, first_text, rich_text_from_plain, to_int

SOURCE = "hikka"


def map_title(data: dict, kind: str) -> TitleRecord:
    slug = first_text(data.get("slug"))
    mal_id = to_int(data.get("mal_id"))
    genres = [g for g in data.get("genres") or () if isinstance(g, dict)]
    return TitleRecord(
        source=SOURCE,
        kind=kind,
        external_id=slug,
        title_uk=first_text(data.get("title_ua")),
        title_en=first_text(data.get("title_en")),
        title_native=first_text(data.get("title_ja"), data.get("title_original")),
        synonyms=dedupe(data.get("synonyms")),
        description=rich_text_from_plain(data.get("synopsis_en")),
        description_uk=rich_text_from_plain(data.get("synopsis_ua")),
        genres=dedupe(g.get("name_en") for g in genres),
        genre_names_uk={
            g["name_en"].strip(): g["name_ua"].strip()
            for g in genres
            if isinstance(g.get("name_en"), str)
            and isinstance(g.get("name_ua"), str)
            and g["name_en"].strip()
            and g["name_ua"].strip()
        },
        external_ids={k: v for k, v in (("hikka", slug), ("mal", mal_id)) if v},
    )
