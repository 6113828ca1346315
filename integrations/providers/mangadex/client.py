"""MangaDex client: manga by id, search, and the chapter feed in Ukrainian (5 requests/s)."""

from __future__ import annotations

from integrations.providers.http import FinalError, ProviderClient
from integrations.providers.mangadex import mapping
from integrations.providers.provider import Fetched, Provider, ResultPage

PER_PAGE = 100
FEED_PAGE = 500


class MangaDexClient(ProviderClient):
    source = "mangadex"
    base_url_setting = "MANGADEX_BASE_URL"
    default_base_url = "https://api.mangadex.org"

    def get_json(self, path, params=None):
        body = super().get_json(path, params)
        if not isinstance(body, dict) or body.get("result") == "error":
            raise FinalError(f"mangadex error: {str(body)[:200]}")
        return body

    def manga(self, manga_id: str) -> dict:
        return self.get_json(f"manga/{manga_id}", {"includes[]": ["cover_art"]})["data"]

    def manga_pages(self, params: dict, start_page: int = 1):
        page = start_page
        while True:
            offset = (page - 1) * PER_PAGE
            body = self.get_json(
                "manga",
                {
                    **params,
                    "includes[]": ["cover_art"],
                    "limit": PER_PAGE,
                    "offset": offset,
                },
            )
            data = body.get("data") or []
            yield page, data
            if not data or offset + len(data) >= (body.get("total") or 0):
                return
            page += 1

    def chapter_feed(self, manga_id: str, language: str = "uk"):
        offset = 0
        while True:
            body = self.get_json(
                f"manga/{manga_id}/feed",
                {
                    "translatedLanguage[]": [language],
                    "order[chapter]": "asc",
                    "includes[]": ["scanlation_group"],
                    "limit": FEED_PAGE,
                    "offset": offset,
                },
            )
            data = body.get("data") or []
            yield from data
            offset += len(data)
            if not data or offset >= (body.get("total") or 0):
                return


class MangaDexProvider(Provider):
    source = "mangadex"
    label = "MangaDex"
    numeric_ids = False
    chapters_feed = True
    kinds = ("manga",)

    def __init__(self, **client_kwargs):
        self.client = MangaDexClient(**client_kwargs)

    def fetch(self, kind, external_id):
        entity = self.client.manga(str(external_id))
        return Fetched(mapping.map_title(entity), entity)

    def _listing(self, params, start_page):
        for number, data in self.client.manga_pages(params, start_page):
            yield ResultPage.mapped(number, data, lambda e: Fetched(mapping.map_title(e), e))

    def top(self, kind, limit, start_page=1):
        pages = self._listing({"order[followedCount]": "desc"}, start_page)
        return self.limited(pages, limit, start_page, PER_PAGE)

    def search(self, kind, query, start_page=1):
        return self._listing({"title": query}, start_page)

    def chapters(self, manga_id: str, language: str = "uk"):
        for entity in self.client.chapter_feed(manga_id, language):
            chapter = mapping.map_chapter(entity)
            if chapter:
                yield chapter
