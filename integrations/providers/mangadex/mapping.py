"""MangaDex manga and chapter entities → TitleRecord / ChapterRecord.

MangaDex keeps names as ``{lang: text}`` maps (``altTitles`` is a list of one-key maps, often with
a Ukrainian name), tags grouped as genre/theme/format, and cross ids in ``links``.
"""

from __future__ import annotations

from integrations.importers.records import ChapterRecord, TitleRecord
from integrations.providers.values import (
    choose,
    dedupe,
    first_text,
    rich_text_from_plain,
    to_int,
)

SOURCE = "mangadex"
COVERS_URL = "https://uploads.mangadex.org/covers"

STATUSES = {
    "ongoing": "ongoing",
    "completed": "finished",
    "hiatus": "paused",
    "cancelled": "cancelled",
}
AGE_RATINGS = {"safe": "", "suggestive": "pg13", "erotica": "r_plus", "pornographic": "rx"}
LANGUAGE_FORMATS = {"ko": "manhwa", "zh": "manhua", "zh-hk": "manhua"}
NATIVE = {"ja": "ja", "ko": "ko", "zh": "zh", "zh-hk": "zh-hk"}


def _alt(alt_titles, lang: str) -> list[str]:
    return [
        text
        for item in alt_titles or ()
        if isinstance(item, dict)
        for key, text in item.items()
        if key == lang and isinstance(text, str)
    ]


def _tags(attrs: dict, groups: tuple[str, ...]) -> list[str]:
    return dedupe(
        ((tag.get("attributes") or {}).get("name") or {}).get("en")
        for tag in attrs.get("tags") or ()
        if isinstance(tag, dict) and (tag.get("attributes") or {}).get("group") in groups
    )


def map_title(entity: dict) -> TitleRecord:
    attrs = entity.get("attributes") or {}
    manga_id = str(entity.get("id") or "")
    title = attrs.get("title") or {}
    alt = attrs.get("altTitles") or []
    original = attrs.get("originalLanguage") or "ja"
    description = attrs.get("description") or {}
    links = attrs.get("links") or {}
    cover = next(
        (
            r.get("attributes") or {}
            for r in entity.get("relationships") or ()
            if isinstance(r, dict) and r.get("type") == "cover_art"
        ),
        {},
    )
    fmt = LANGUAGE_FORMATS.get(original, "manga")
    if "Oneshot" in _tags(attrs, ("format",)):
        fmt = "one_shot"
    ukrainian = _alt(alt, "uk")
    english = first_text(title.get("en"), *_alt(alt, "en"))
    record = TitleRecord(
        source=SOURCE,
        kind="manga",
        external_id=manga_id,
        title_uk=first_text(title.get("uk"), *ukrainian),
        title_en=english,
        title_romaji=first_text(title.get(f"{original}-ro"), *_alt(alt, f"{original}-ro")),
        title_native=first_text(title.get(original), *_alt(alt, NATIVE.get(original, original))),
        synonyms=[s for s in dedupe(_alt(alt, "en") + _alt(alt, f"{original}-ro")) if s != english],
        description=rich_text_from_plain(description.get("en")),
        description_uk=rich_text_from_plain(description.get("uk")),
        format=fmt,
        status=choose(attrs.get("status"), STATUSES, "ongoing", source=SOURCE, field="status"),
        year=to_int(attrs.get("year")),
        genres=_tags(attrs, ("genre", "theme")),
        age_rating=choose(
            attrs.get("contentRating"), AGE_RATINGS, "", source=SOURCE, field="contentRating"
        ),
        poster_url=f"{COVERS_URL}/{manga_id}/{cover['fileName']}" if cover.get("fileName") else "",
        external_ids={
            "mangadex": manga_id,
            **{
                ours: to_int(links.get(theirs))
                for theirs, ours in (("mal", "mal"), ("al", "anilist"))
                if to_int(links.get(theirs))
            },
        },
    )
    if record.status == "finished":
        record.chapters_total = to_int(attrs.get("lastChapter")) or None
    return record


def map_chapter(entity: dict) -> ChapterRecord | None:
    attrs = entity.get("attributes") or {}
    number = (attrs.get("chapter") or "").strip() or "0"  # a oneshot has no number
    group = next(
        (
            (r.get("attributes") or {}).get("name")
            for r in entity.get("relationships") or ()
            if isinstance(r, dict) and r.get("type") == "scanlation_group"
        ),
        "",
    )
    if not entity.get("id"):
        return None
    return ChapterRecord(
        number=number,
        volume=(attrs.get("volume") or "").strip(),
        title=first_text(attrs.get("title")),
        language=attrs.get("translatedLanguage") or "",
        mangadex_chapter_id="" if attrs.get("externalUrl") else str(entity["id"]),
        translator=group or "",
        external_url=attrs.get("externalUrl") or "",
    )
