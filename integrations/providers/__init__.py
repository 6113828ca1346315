"""Catalog providers: one package per source with an httpx ``client`` and a JSON ``mapping``."""

from __future__ import annotations

import importlib

SOURCES = ("jikan", "anilist", "kitsu", "mangadex", "hikka")


def get_provider(source: str, **kwargs):
    """The ``Provider`` of a source (``jikan`` → ``integrations.providers.jikan.client``)."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    module = importlib.import_module(f"integrations.providers.{source}.client")
    return module.Provider(**kwargs)
