"""The catalog sources we import from: the one list the admin choices (``ImportedTitle.source``),
``import_catalog --source`` and the importers read. Importers ask for a capability
(``provider_with("episode_pages")``), never for a source by name."""

from __future__ import annotations

from integrations.providers.anilist.client import AniListProvider
from integrations.providers.hikka.client import HikkaProvider
from integrations.providers.jikan.client import JikanProvider
from integrations.providers.kitsu.client import KitsuProvider
from integrations.providers.mangadex.client import MangaDexProvider
from integrations.providers.provider import Provider

PROVIDERS: dict[str, type[Provider]] = {
    cls.source: cls
    for cls in (JikanProvider, AniListProvider, KitsuProvider, MangaDexProvider, HikkaProvider)
}
SOURCES = tuple(PROVIDERS)


def source_choices() -> list[tuple[str, str]]:
    return [(name, cls.label) for name, cls in PROVIDERS.items()]


def provider_class(source: str) -> type[Provider]:
    try:
        return PROVIDERS[source]
    except KeyError:
        raise ValueError(f"unknown source {source!r}") from None


def get_provider(source: str, **kwargs) -> Provider:
    """A ready ``Provider`` of a source (client kwargs: base_url, limiter, clock, transport)."""
    return provider_class(source)(**kwargs)


def provider_class_with(capability: str) -> type[Provider]:
    """The source offering ``capability`` (see ``provider.Provider``)."""
    for cls in PROVIDERS.values():
        if getattr(cls, capability, False):
            return cls
    raise LookupError(f"no source offers {capability}")


def provider_with(capability: str, **kwargs) -> Provider:
    return provider_class_with(capability)(**kwargs)
