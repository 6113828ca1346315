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

from collections.abc import Iterator
from dataclasses import dataclass

from integrations.importers.records import ChapterRecord, EpisodeRecord, TitleRecord


@dataclass
class Fetched:
    """A mapped record with the raw payload it came from (hashed to skip unchanged imports)."""

    record: TitleRecord
    payload: dict


@dataclass
class ResultPage:
    """One page of a listing; ``number`` is the cursor a resumed run starts from."""

    number: int
    items: list[Fetched]


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
