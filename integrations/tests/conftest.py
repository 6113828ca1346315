"""Fixtures for the importer tests: the page tree and providers on a fake clock."""

import pytest
from wagtail.models import Page

from cms.anime.models import AnimeIndexPage
from cms.catalog.models import HomePage
from cms.manga.models import MangaIndexPage
from integrations import ratelimit
from integrations.providers.registry import get_provider
from integrations.tests.recorded import fake_time

JIKAN = "https://jikan.test/v4"
ANILIST = "https://anilist.test"
KITSU = "https://kitsu.test/api/edge"
MANGADEX = "https://mangadex.test"
HIKKA = "https://hikka.test"
BASE_URLS = {
    "jikan": JIKAN,
    "anilist": ANILIST,
    "kitsu": KITSU,
    "mangadex": MANGADEX,
    "hikka": HIKKA,
}


@pytest.fixture
def tree(db):
    """Root → HomePage → the anime and manga catalogs."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="AniHata", slug="anihata-home"))
    anime = home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))
    manga = home.add_child(instance=MangaIndexPage(title="Манга", slug="manga"))
    return {"home": home, "anime": anime, "manga": manga}


@pytest.fixture
def providers(settings, monkeypatch):
    """``providers("jikan")``: the real provider on its test base URL and a fake clock. The
    settings point at the same URLs, so code building its own provider hits respx too."""
    for source, url in BASE_URLS.items():
        setattr(settings, {"anilist": "ANILIST_URL"}.get(source, f"{source.upper()}_BASE_URL"), url)

    # Code that builds its own provider gets the shared limiter: make it fake-timed as well.
    monkeypatch.setattr(ratelimit, "_shared", fake_time()[1])

    def make(source):
        clock, limiter = fake_time()
        return get_provider(source, base_url=BASE_URLS[source], limiter=limiter, clock=clock)

    return make
