"""What every provider offers the import pipeline (ids in, normalised records out)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from integrations.records import TitleRecord


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
    kinds = ("anime", "manga")

    def fetch(self, kind: str, external_id: str) -> Fetched:
        raise NotImplementedError

    def season(
        self, kind: str, year: int, season: str, start_page: int = 1
    ) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no season listing")

    def top(self, kind: str, limit: int, start_page: int = 1) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no top listing")

    def search(self, kind: str, query: str, start_page: int = 1) -> Iterator[ResultPage]:
        raise Unsupported(f"{self.source} has no search")

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
