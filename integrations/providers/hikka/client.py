"""Hikka client: finds a title by its MAL id, then reads its Ukrainian name and synopsis."""

from __future__ import annotations

from integrations.providers.hikka import mapping
from integrations.providers.http import NotFound, ProviderClient
from integrations.providers.provider import Fetched, Provider


class HikkaClient(ProviderClient):
    source = "hikka"
    base_url_setting = "HIKKA_BASE_URL"
    default_base_url = "https://api.hikka.io"

    def by_mal_id(self, kind: str, mal_id) -> dict:
        return self.get_json(f"integrations/mal/{kind}/{int(mal_id)}")

    def details(self, kind: str, slug: str) -> dict:
        return self.get_json(f"{kind}/{slug}")


class HikkaProvider(Provider):
    """``fetch`` takes a MAL id (that is how we know a title before Hikka does)."""

    source = "hikka"
    label = "Hikka"
    ukrainian_names = True

    def __init__(self, **client_kwargs):
        self.client = HikkaClient(**client_kwargs)

    def fetch(self, kind, external_id):
        found = self.client.by_mal_id(kind, external_id)
        slug = found.get("slug") if isinstance(found, dict) else None
        if not slug:
            raise NotFound(f"hikka has no {kind} with MAL id {external_id}")
        # The lookup by MAL id carries no synopsis; the details do.
        data = {**found, **self.client.details(kind, slug)}
        data.setdefault("mal_id", int(external_id))
        return Fetched(mapping.map_title(data, kind), data)
