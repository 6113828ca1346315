"""The one interface every catalog source implements (ids in, normalised records out), with
the capabilities the importers ask for instead of checking a source's name.

Capabilities (class attributes, all off by default):

- ``ukrainian_names``: ``fetch`` takes a MAL id and the record carries Ukrainian names and
  synopses for the pages having that MAL id (Hikka); with no ids a run fills every title that
  lacks a Ukrainian name;
- ``chapters_feed``: ``chapters(external_id, language)`` lists a manga's chapters (MangaDex); a
  manga imported by id comes with its Ukrainian chapters;
- ``episode_pages``: ``episodes(mal_id, start_page)`` lists aired episodes, ``episodes_per_page``
  to a page (Jikan), for the hourly detection of new episodes.

- ``ids_span_kinds``: one id space for anime and manga (AniList): ``fetch(None, id)`` takes
  the kind from the answer.

``kinds`` are the kinds a source has, ``season_kinds`` the kinds it lists by season, and
``numeric_ids`` says its ids are numbers (the command checks ``--ids`` with it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from integrations.importers.records import ChapterRecord, EpisodeRecord, TitleRecord


@dataclass
class Fetched:
    """A mapped record with the raw payload it came from (hashed to skip unchanged imports)."""

    record: TitleRecord
    payload: dict


# What a source's mapping raises on a record it cannot read: that record's failure only.
MAPPING_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def raw_id(raw) -> str:
    """A raw listing item's id as the sources name it, for the failure of that one item."""
    if isinstance(raw, dict):
        return str(raw.get("mal_id") or raw.get("id") or "?")
    return "?"


@dataclass
class ResultPage:
    """One page of a listing; ``number`` is the cursor a resumed run starts from.
    ``failures``: (external id, error) of the items its mapping could not read."""

    number: int
    items: list[Fetched]
    failures: list[tuple[str, Exception]] = field(default_factory=list)

    @classmethod
    def mapped(cls, number: int, raw_items, make: Callable[[dict], Fetched]) -> ResultPage:
        """``make(raw)`` for each raw item; one that fails is that title's failure, never the
        page's."""
        page = cls(number, [])
        for raw in raw_items:
            try:
                page.items.append(make(raw))
            except MAPPING_ERRORS as error:
                page.failures.append((raw_id(raw), error))
        return page


class Unsupported(ValueError):
    """The source has no such listing (e.g. seasons on MangaDex)."""


class Provider:
    source = ""
    label = ""  # shown in the admin
    kinds: tuple[str, ...] = ("anime", "manga")
    season_kinds: tuple[str, ...] = ()
    numeric_ids = True
    ids_span_kinds = False
    ukrainian_names = False
    chapters_feed = False
    episode_pages = False
    episodes_per_page = 0

    @property
    def default_kind(self) -> str:
        return self.kinds[0]

    def fetch(self, kind: str | None, external_id: str) -> Fetched:
        raise NotImplementedError

    def season(
        self, kind: str, year: int, season: str, start_page: int = 1
    ) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no season listing")

    def top(self, kind: str, limit: int, start_page: int = 1) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no top listing")

    def search(self, kind: str, query: str, start_page: int = 1) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no search")

    def chapters(self, external_id: str, language: str = "uk") -> Iterator[ChapterRecord]:
        raise Unsupported(f"{self.source} has no chapters")

    def episodes(self, mal_id, start_page: int = 1) -> Iterator[EpisodeRecord]:
        raise Unsupported(f"{self.source} has no episode list")

    @staticmethod
    def limited(pages: Iterator[ResultPage], limit: int, start_page: int, per_page: int):
        """Stop a listing after ``limit`` items in all (counting the pages a resumed run skips)."""
        remaining = limit - (start_page - 1) * per_page
        if remaining <= 0:
            return
        for page in pages:
            page.items = page.items[:remaining]
            remaining -= len(page.items)
            yield page
            if remaining <= 0:
                return  # before asking the source for a page nobody needs

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
