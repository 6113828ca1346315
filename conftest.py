"""Shared pytest fixtures: a clean cache per test, a small page tree to build on, and
`at_once`, the harness for concurrency tests (real threads against PostgreSQL)."""

import threading
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, Site

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage, VideoSource
from cms.catalog.models import Genre, HomePage, Studio
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage
from cms.manga.models import ChapterPage, MangaIndexPage, MangaPage


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def at_once() -> Callable[[list[Callable]], list]:
    """Run the given callables in threads released together by one barrier, so they hit the
    database at the same moment; return their results in the callables' order and re-raise the
    first error. Each thread opens (and closes) its own connection: use it with
    `django_db(transaction=True)` on PostgreSQL (SQLite serialises writes and shows no race)."""

    def run(jobs: list[Callable]) -> list:
        barrier = threading.Barrier(len(jobs))
        results: list = [None] * len(jobs)
        errors: list[BaseException] = []

        def worker(index: int, job: Callable) -> None:
            try:
                barrier.wait()
                results[index] = job()
            except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=pair) for pair in enumerate(jobs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return results

    return run


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


@pytest.fixture
def home(db) -> HomePage:
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = root.add_child(instance=HomePage(title="AniHata", slug="home"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def anime_index(home) -> AnimeIndexPage:
    return home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))


@pytest.fixture
def manga_index(home) -> MangaIndexPage:
    return home.add_child(instance=MangaIndexPage(title="Манга", slug="manga"))


@pytest.fixture
def team_index(home) -> DubTeamIndexPage:
    return home.add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))


@pytest.fixture
def make_genre(db):
    def make(slug: str, name: str | None = None) -> Genre:
        return Genre.objects.get_or_create(
            slug=slug, defaults={"name": name or slug.title(), "name_en": slug.title()}
        )[0]

    return make


@pytest.fixture
def make_studio(db):
    def make(slug: str) -> Studio:
        return Studio.objects.get_or_create(slug=slug, defaults={"name": slug.upper()})[0]

    return make


@pytest.fixture
def make_team(team_index):
    def make(slug: str, title: str | None = None) -> DubTeamPage:
        team = team_index.add_child(instance=DubTeamPage(title=title or slug, slug=slug))
        return publish(team)

    return make


@pytest.fixture
def make_anime(anime_index):
    def make(slug: str, genres=(), studios=(), **fields) -> AnimePage:
        fields.setdefault("title", slug.replace("-", " ").title())
        fields.setdefault("format", "tv")
        fields.setdefault("status", "finished")
        page = AnimePage(slug=slug, **fields)
        page.genres.set(genres)
        page.studios.set(studios)
        anime_index.add_child(instance=page)
        return publish(page)

    return make


@pytest.fixture
def make_manga(manga_index):
    def make(slug: str, genres=(), **fields) -> MangaPage:
        fields.setdefault("title", slug.replace("-", " ").title())
        fields.setdefault("format", "manga")
        fields.setdefault("status", "ongoing")
        page = MangaPage(slug=slug, **fields)
        page.genres.set(genres)
        manga_index.add_child(instance=page)
        return publish(page)

    return make


@pytest.fixture
def make_episode(db):
    def make(anime: AnimePage, number: int, sources=(), **fields) -> EpisodePage:
        episode = EpisodePage(
            title=fields.pop("title", f"Серія {number}"), slug=str(number), number=number, **fields
        )
        anime.add_child(instance=episode)
        for order, source in enumerate(sources):
            VideoSource.objects.create(episode=episode, sort_order=order, **source)
        return publish(episode)

    return make


@pytest.fixture
def make_chapter(db):
    def make(manga: MangaPage, number, **fields) -> ChapterPage:
        slug = str(number).replace(".", "-")
        fields.setdefault("title", f"Розділ {number}")
        chapter = ChapterPage(slug=slug, number=number, **fields)
        manga.add_child(instance=chapter)
        return publish(chapter)

    return make
