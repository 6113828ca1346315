"""Kitsu JSON:API client (``include=categories,mappings``; pages of 20 via ``page[offset]``)."""

from __future__ import annotations

from integrations.providers.http import ProviderClient
from integrations.providers.kitsu import mapping
from integrations.providers.provider import Fetched, Provider, ResultPage

PER_PAGE = 20
INCLUDE = {
    "anime": "categories,mappings,animeProductions.producer",
    "manga": "categories,mappings",
}


class KitsuClient(ProviderClient):
    source = "kitsu"
    base_url_setting = "KITSU_BASE_URL"
    default_base_url = "https://kitsu.io/api/edge"

    def title(self, kind: str, kitsu_id) -> dict:
        return self.get_json(f"{kind}/{int(kitsu_id)}", {"include": INCLUDE[kind]})

    def pages(self, kind: str, params: dict, start_page: int = 1):
        page = start_page
        while True:
            body = self.get_json(
                kind,
                {
                    **params,
                    "include": INCLUDE[kind],
                    "page[limit]": PER_PAGE,
                    "page[offset]": (page - 1) * PER_PAGE,
                },
            )
            yield page, body
            if not (body.get("links") or {}).get("next") or not body.get("data"):
                return
            page += 1


class KitsuProvider(Provider):
    source = "kitsu"
    label = "Kitsu"
    season_kinds = ("anime",)

    def __init__(self, **client_kwargs):
        self.client = KitsuClient(**client_kwargs)

    def fetch(self, kind, external_id):
        body = self.client.title(kind, external_id)
        resource = body.get("data") or {}
        included = body.get("included") or []
        return Fetched(mapping.map_title(resource, included, kind), body)

    def _listing(self, kind, params, start_page):
        for number, body in self.client.pages(kind, params, start_page):
            included = body.get("included") or []

            def fetched(resource, included=included):
                record = mapping.map_title(resource, included, kind)
                # Hash only this title's part of the page, so a neighbour's change is no change.
                payload = {"data": resource, "ids": record.external_ids, "genres": record.genres}
                return Fetched(record, payload)

            yield ResultPage.mapped(number, body.get("data") or [], fetched)

    def season(self, kind, year, season, start_page=1):
        return self._listing(
            kind, {"filter[season]": season, "filter[seasonYear]": int(year)}, start_page
        )

    def top(self, kind, limit, start_page=1):
        pages = self._listing(kind, {"sort": "ratingRank"}, start_page)
        return self.limited(pages, limit, start_page, PER_PAGE)

    def search(self, kind, query, start_page=1):
        return self._listing(kind, {"filter[text]": query}, start_page)
