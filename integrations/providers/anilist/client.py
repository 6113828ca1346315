"""AniList GraphQL client: follows the ``X-RateLimit-*`` headers (90/min, 30/min degraded)."""

from __future__ import annotations

from integrations.providers.anilist import mapping
from integrations.providers.http import FinalError, NotFound, ProviderClient
from integrations.providers.provider import Fetched, Provider, ResultPage
from integrations.ratelimit import MINUTE, Rule

PER_PAGE = 50

MEDIA_QUERY = f"""
query ($id: Int, $idMal: Int, $type: MediaType) {{
  Media(id: $id, idMal: $idMal, type: $type) {{ {mapping.MEDIA_FIELDS} }}
}}
"""

PAGE_QUERY = f"""
query ($page: Int, $perPage: Int, $type: MediaType, $season: MediaSeason, $seasonYear: Int,
       $search: String, $sort: [MediaSort]) {{
  Page(page: $page, perPage: $perPage) {{
    pageInfo {{ currentPage hasNextPage }}
    media(type: $type, season: $season, seasonYear: $seasonYear, search: $search, sort: $sort) {{
      {mapping.MEDIA_FIELDS}
    }}
  }}
}}
"""


class AniListClient(ProviderClient):
    source = "anilist"
    base_url_setting = "ANILIST_URL"
    default_base_url = "https://graphql.anilist.co"

    def on_response(self, response):
        """Adopt the limit AniList announces (it drops to 30/min when degraded)."""
        limit = response.headers.get("X-RateLimit-Limit")
        if limit and limit.isdigit() and int(limit) > 0:
            rule = (Rule(int(limit), MINUTE),)
            if self.limiter.rules.get(self.source) != rule:
                self.limiter.set_rules(self.source, rule)
        remaining = response.headers.get("X-RateLimit-Remaining")
        reset = response.headers.get("X-RateLimit-Reset")
        if remaining == "0" and reset and reset.isdigit() and response.status_code != 429:
            self.limiter.block(self.source, int(reset) - self.clock.now())

    def query(self, query: str, variables: dict) -> dict:
        body = self.request_json("POST", "", json={"query": query, "variables": variables})
        errors = body.get("errors") if isinstance(body, dict) else None
        data = body.get("data") if isinstance(body, dict) else None
        if errors and not any(data.values() if isinstance(data, dict) else ()):
            errors = [e for e in errors if isinstance(e, dict)]
            message = "; ".join(str(e.get("message")) for e in errors) or "GraphQL error"
            if any(e.get("status") == 404 for e in errors):
                raise NotFound(message, status=404)
            raise FinalError(message)
        if not isinstance(data, dict):
            raise FinalError("response without data")
        return data


class AniListProvider(Provider):
    source = "anilist"
    label = "AniList"
    season_kinds = ("anime",)
    ids_span_kinds = True

    def __init__(self, **client_kwargs):
        self.client = AniListClient(**client_kwargs)

    def fetch(self, kind, external_id, *, by_mal=False):
        """``kind`` None: AniList ids are one space for both kinds, its answer says which."""
        key = "idMal" if by_mal else "id"
        variables = {key: int(external_id)}
        if kind:
            variables["type"] = kind.upper()
        data = self.client.query(MEDIA_QUERY, variables)
        media = data.get("Media")
        if not media:
            raise NotFound(f"no {kind or 'title'} {external_id}")
        return Fetched(mapping.map_title(media, kind), media)

    def _pages(self, kind, variables, start_page):
        page = start_page
        while True:
            data = self.client.query(
                PAGE_QUERY, {**variables, "type": kind.upper(), "page": page, "perPage": PER_PAGE}
            )
            block = data.get("Page") or {}
            media = [m for m in block.get("media") or [] if isinstance(m, dict)]
            yield ResultPage.mapped(page, media, lambda m: Fetched(mapping.map_title(m, kind), m))
            if not (block.get("pageInfo") or {}).get("hasNextPage"):
                return
            page += 1

    def season(self, kind, year, season, start_page=1):
        variables = {"season": season.upper(), "seasonYear": int(year), "sort": ["POPULARITY_DESC"]}
        return self._pages(kind, variables, start_page)

    def top(self, kind, limit, start_page=1):
        pages = self._pages(kind, {"sort": ["SCORE_DESC"]}, start_page)
        return self.limited(pages, limit, start_page, PER_PAGE)

    def search(self, kind, query, start_page=1):
        return self._pages(kind, {"search": query, "sort": ["SEARCH_MATCH"]}, start_page)
