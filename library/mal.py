"""MyAnimeList list files: reading an export (gzip or plain XML) into a user's list, and
writing the list back in the same format, importable into MyAnimeList.

The file comes from a visitor: defusedxml refuses entities and DTDs, the decompressed size is
capped (a small gzip may expand a thousandfold), and every value is checked before use. Titles
match by their MAL id (`external_ids["mal"]`, an int or its digits); an import is idempotent:
a second run of the same file changes nothing and reports `imported: 0, updated: 0`."""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.db import transaction
from django.db.models import Count

from cms.catalog.models import TitlePage

from .models import ListEntry, ListStatus, WatchProgress
from .ratings import refresh_rating

MAX_UPLOAD = 10 * 1024 * 1024  # bytes as sent
MAX_XML = 50 * 1024 * 1024  # bytes after decompression
MAX_ENTRIES = 20_000

# MAL's words per kind, both directions (anime "Plan to Watch", manga "Plan to Read").
MAL_STATUSES = {
    "watching": ListStatus.WATCHING,
    "reading": ListStatus.WATCHING,
    "completed": ListStatus.COMPLETED,
    "on-hold": ListStatus.ON_HOLD,
    "dropped": ListStatus.DROPPED,
    "plan to watch": ListStatus.PLANNED,
    "plan to read": ListStatus.PLANNED,
    # Numeric codes some exporters write.
    "1": ListStatus.WATCHING,
    "2": ListStatus.COMPLETED,
    "3": ListStatus.ON_HOLD,
    "4": ListStatus.DROPPED,
    "6": ListStatus.PLANNED,
}
EXPORT_STATUSES = {
    "anime": {
        ListStatus.WATCHING: "Watching",
        ListStatus.COMPLETED: "Completed",
        ListStatus.ON_HOLD: "On-Hold",
        ListStatus.DROPPED: "Dropped",
        ListStatus.PLANNED: "Plan to Watch",
    },
    "manga": {
        ListStatus.WATCHING: "Reading",
        ListStatus.COMPLETED: "Completed",
        ListStatus.ON_HOLD: "On-Hold",
        ListStatus.DROPPED: "Dropped",
        ListStatus.PLANNED: "Plan to Read",
    },
}
# Element names per kind: (item, id, title).
ELEMENTS = {
    "anime": ("anime", "series_animedb_id", "series_title"),
    "manga": ("manga", "manga_mangadb_id", "manga_title"),
}


class MalFileError(ValueError):
    """The upload is not a MyAnimeList export we can read (message in Ukrainian)."""


@dataclass
class MalItem:
    kind: str
    mal_id: int
    title: str
    status: str
    score: int | None


def read_upload(data: bytes) -> bytes:
    """The XML of an upload, gunzipped when it is gzip, within MAX_XML."""
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            xml = stream.read(MAX_XML + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise MalFileError("Файл пошкоджено: це не gzip-архів експорту MyAnimeList.") from error
    if len(xml) > MAX_XML:
        raise MalFileError("Розпакований файл завеликий.")
    return xml


def parse_export(data: bytes) -> list[MalItem]:
    try:
        root = ElementTree.fromstring(read_upload(data), forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise MalFileError("Це не XML-експорт списку MyAnimeList.") from error
    if root.tag != "myanimelist":
        raise MalFileError("Це не XML-експорт списку MyAnimeList.")
    items = []
    for kind, (item_tag, id_tag, title_tag) in ELEMENTS.items():
        for element in root.iter(item_tag):
            raw_id = (element.findtext(id_tag) or "").strip()
            if not raw_id.isascii() or not raw_id.isdigit() or not 0 < int(raw_id) < 2**31:
                continue
            status = MAL_STATUSES.get((element.findtext("my_status") or "").strip().lower())
            raw_score = (element.findtext("my_score") or "").strip()
            score = int(raw_score) if raw_score.isascii() and raw_score.isdigit() else 0
            items.append(
                MalItem(
                    kind=kind,
                    mal_id=int(raw_id),
                    title=(element.findtext(title_tag) or "").strip()[:255],
                    status=status or ListStatus.PLANNED,
                    score=score if 1 <= score <= 10 else None,
                )
            )
            if len(items) > MAX_ENTRIES:
                raise MalFileError(f"Забагато записів: не більше {MAX_ENTRIES}.")
    return items


def titles_by_mal_id(kind: str, mal_ids: set[int]) -> dict[int, int]:
    """{mal id: title page id} of live titles of `kind` carrying those MAL ids."""
    if not mal_ids:
        return {}
    rows = (
        TitlePage.objects.live()
        .filter(kind=kind, external_ids__mal__in=[*mal_ids, *map(str, mal_ids)])
        .order_by("id")
        .values_list("id", "external_ids__mal")
    )
    found: dict[int, int] = {}
    for title_id, mal_id in rows:
        found.setdefault(int(mal_id), title_id)
    return found


def import_export(user, data: bytes) -> dict:
    """Apply a MAL export to `user`'s list: new titles are added, a different status or score
    is updated (a MAL score of 0, "no score", keeps ours). Returns the counts and what matched
    nothing."""
    items = parse_export(data)
    matches = {
        kind: titles_by_mal_id(kind, {item.mal_id for item in items if item.kind == kind})
        for kind in ELEMENTS
    }
    imported = updated = 0
    unmatched = []
    rescored: set[int] = set()
    with transaction.atomic():
        for item in items:
            title_id = matches[item.kind].get(item.mal_id)
            if title_id is None:
                unmatched.append({"mal_id": item.mal_id, "title": item.title})
                continue
            entry, created = ListEntry.objects.select_for_update().get_or_create(
                user=user,
                title_id=title_id,
                defaults={"status": item.status, "score": item.score},
            )
            if created:
                imported += 1
                if item.score is not None:
                    rescored.add(title_id)
                continue
            score = item.score if item.score is not None else entry.score
            if (entry.status, entry.score) != (item.status, score):
                if entry.score != score:
                    rescored.add(title_id)
                entry.status, entry.score = item.status, score
                entry.save(update_fields=["status", "score", "updated_at"])
                updated += 1
        for title_id in sorted(rescored):  # one lock order for every importer and voter
            refresh_rating(title_id)
    return {"imported": imported, "updated": updated, "unmatched": unmatched}


def export_list(user, kind: str) -> bytes:
    """`user`'s list of `kind` as a MyAnimeList export (titles without a MAL id are left out:
    MyAnimeList could not match them)."""
    entries = list(
        ListEntry.objects.filter(user=user, title__kind=kind)
        .select_related("title")
        .order_by("title__title", "id")
    )
    watched = dict(
        WatchProgress.objects.filter(user=user, completed=True)
        .values_list("title_id")
        .annotate(count=Count("id"))
    )
    item_tag, id_tag, title_tag = ELEMENTS[kind]
    root = Element("myanimelist")
    info = SubElement(root, "myinfo")
    SubElement(info, "user_name").text = user.username
    SubElement(info, "user_export_type").text = "1" if kind == "anime" else "2"
    written = 0
    for entry in entries:
        mal_id = mal_id_of(entry.title)
        if mal_id is None:
            continue
        item = SubElement(root, item_tag)
        SubElement(item, id_tag).text = str(mal_id)
        SubElement(item, title_tag).text = entry.title.title_en or entry.title.title
        if kind == "anime":
            SubElement(item, "my_watched_episodes").text = str(watched.get(entry.title_id, 0))
        else:
            SubElement(item, "my_read_chapters").text = "0"
        SubElement(item, "my_score").text = str(entry.score or 0)
        SubElement(item, "my_status").text = EXPORT_STATUSES[kind][entry.status]
        SubElement(item, "my_start_date").text = "0000-00-00"
        SubElement(item, "my_finish_date").text = "0000-00-00"
        SubElement(item, "my_times_watched" if kind == "anime" else "my_times_read").text = "0"
        SubElement(item, "update_on_import").text = "1"
        written += 1
    total = "user_total_anime" if kind == "anime" else "user_total_manga"
    SubElement(info, total).text = str(written)
    return tostring(root, encoding="utf-8", xml_declaration=True)


def mal_id_of(title: TitlePage) -> int | None:
    value = (title.external_ids or {}).get("mal") if isinstance(title.external_ids, dict) else None
    text = str(value) if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() else None
