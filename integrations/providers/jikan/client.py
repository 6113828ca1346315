"""Jikan v4 client (unofficial MyAnimeList API): 3 requests/s and 60/min."""

from __future__ import annotations

from collections.abc import Iterator

from integrations.providers.http import ProviderClient
from integrations.providers.jikan import mapping
from integrations.providers.provider import Fetched, Provider, ResultPage

EPISODES_PER_PAGE = 100  # Jikan's fixed page size for /anime/{id}/episodes


class JikanClient(ProviderClient):
    source = "jikan"
    base_url_setting = "JIKAN_BASE_URL"
    default_base_url = "https://api.jikan.moe/v4"

    def title(self, kind: str, mal_id) -> dict:
        return self.get_json(f"{kind}/{int(mal_id)}/full")["data"]

    def pages(self, path: str, params: dict | None = None, start_page: int = 1):
        """Follow ``pagination.has_next_page``, yielding (page number, items)."""
        page = start_page
        while True:
            body = self.get_json(path, {**(params or {}), "page": page})
            yield page, body.get("data") or []
            if not (body.get("pagination") or {}).get("has_next_page"):
                return
            page += 1

    def episodes(self, mal_id, start_page: int = 1):
        return self.pages(f"anime/{int(mal_id)}/episodes", start_page=start_page)

    def schedules(self, day: str | None = None):
        return self.pages("schedules", {"filter": day} if day else None)


class JikanProvider(Provider):
    source = "jikan"
    label = "Jikan (MyAnimeList)"
    season_kinds = ("anime",)
    episode_pages = True
    episodes_per_page = EPISODES_PER_PAGE

    def __init__(self, **client_kwargs):
        self.client = JikanClient(**client_kwargs)

    def fetch(self, kind, external_id):
        data = self.client.title(kind, external_id)
        return Fetched(mapping.map_title(data, kind), data)

    def _listing(self, kind, pages) -> Iterator[ResultPage]:
        for number, items in pages:
            yield ResultPage.mapped(number, items, lambda d: Fetched(mapping.map_title(d, kind), d))

    def season(self, kind, year, season, start_page=1):
        return self._listing(
            kind, self.client.pages(f"seasons/{int(year)}/{season}", start_page=start_page)
        )

    def current_season(self, start_page=1):
        return self._listing("anime", self.client.pages("seasons/now", start_page=start_page))

    def top(self, kind, limit, start_page=1):
        pages = self.client.pages(f"top/{kind}", {"limit": min(limit, 25)}, start_page)
        return self.limited(self._listing(kind, pages), limit, start_page, 25)

    def search(self, kind, query, start_page=1):
        return self._listing(kind, self.client.pages(kind, {"q": query}, start_page))

    def episodes(self, mal_id, start_page: int = 1):
        for _, items in self.client.episodes(mal_id, start_page):
            for item in items:
                episode = mapping.map_episode(item)
                if episode:
                    yield episode
