"""The registry of video stream providers: one row per provider, read by the admin choices
(``VideoSource.provider``), the default host allowlist (settings) and the stream resolver.

``reader`` says how a provider's iframe page is read: ``playerjs`` pages are fetched and the
stream is taken from the PlayerJS config; ``None`` (``direct``) sources are stored as streams.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StreamProvider:
    name: str
    label: str  # shown to editors
    default_hosts: tuple[str, ...]
    reader: str | None = "playerjs"


STREAM_PROVIDERS: tuple[StreamProvider, ...] = (
    StreamProvider(
        "direct",
        "Пряме посилання",
        (
            "test-streams.mux.dev",
            "devstreaming-cdn.apple.com",
            "bitdash-a.akamaihd.net",
            "cdn.bitmovin.com",
            "storage.googleapis.com",
        ),
        reader=None,
    ),
    StreamProvider("ashdi", "Ashdi", ("ashdi.vip",)),
    StreamProvider("moonanime", "MoonAnime", ("moonanime.art",)),
    StreamProvider("tortuga", "Tortuga", ("tortuga.wtf", "tortuga.tw")),
    StreamProvider("csst", "CSST", ("csst.online", "secvideo1.online")),
    StreamProvider(
        "iframe", "Інший iframe", ("www.youtube.com", "youtube.com", "player.vimeo.com")
    ),
)
BY_NAME = {provider.name: provider for provider in STREAM_PROVIDERS}


def provider_choices() -> list[tuple[str, str]]:
    return [(provider.name, provider.label) for provider in STREAM_PROVIDERS]


def default_provider_hosts() -> dict[str, list[str]]:
    return {provider.name: list(provider.default_hosts) for provider in STREAM_PROVIDERS}


def reader_of(name: str) -> str | None:
    """How to read a provider's page; a provider added only in settings is read as PlayerJS."""
    provider = BY_NAME.get(name)
    return provider.reader if provider else "playerjs"
