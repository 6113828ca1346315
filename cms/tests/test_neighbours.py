"""`previous` and `next` on episodes and chapters in the pages API: the live sibling before and
after by number (a chapter's in its own language), in the same query as the page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.manga.models import ChapterPage


@pytest.mark.django_db
def test_episode_previous_and_next(client, make_anime, make_episode):
    anime = make_anime("aot")
    first, second, third = (make_episode(anime, n) for n in (1, 2, 3))
    draft = make_episode(anime, 4)
    draft.unpublish()

    data = client.get(f"/api/v2/pages/{second.id}/").json()
    assert data["previous"] == {
        "id": first.id,
        "number": 1,
        "title": "Серія 1",
        "url": "/anime/aot/1/",
    }
    assert data["next"]["url"] == "/anime/aot/3/"
    assert client.get(f"/api/v2/pages/{first.id}/").json()["previous"] is None
    # The unpublished episode 4 is nobody's next.
    assert client.get(f"/api/v2/pages/{third.id}/").json()["next"] is None


@pytest.mark.django_db
def test_neighbours_stay_within_the_title(client, make_anime, make_episode):
    one, other = make_anime("one"), make_anime("other")
    lonely = make_episode(one, 5)
    make_episode(other, 4)
    make_episode(other, 6)
    data = client.get(f"/api/v2/pages/{lonely.id}/").json()
    assert (data["previous"], data["next"]) == (None, None)


def add_chapter(manga, number: str, language: str = "uk") -> ChapterPage:
    chapter = ChapterPage(
        title=f"Розділ {number}",
        slug=f"{number.replace('.', '-')}-{language}",
        number=number,
        language=language,
        page_urls=["https://x.org/1.jpg"],
    )
    manga.add_child(instance=chapter)
    chapter.save_revision().publish()
    return chapter


@pytest.mark.django_db
def test_chapter_neighbours_keep_the_language(client, make_manga):
    manga = make_manga("berserk")
    add_chapter(manga, "10", "en")
    first = add_chapter(manga, "9")
    middle = add_chapter(manga, "10.5")
    add_chapter(manga, "11", "en")
    last = add_chapter(manga, "12")
    data = client.get(f"/api/v2/pages/{middle.id}/").json()
    assert data["previous"] == {
        "id": first.id,
        "number": "9.00",
        "title": "Розділ 9",
        "url": "/manga/berserk/9-uk/",
    }
    assert (data["next"]["id"], data["next"]["number"]) == (last.id, "12.00")


@pytest.mark.django_db
def test_episode_listing_with_neighbours_costs_no_query_per_item(client, make_anime, make_episode):
    anime = make_anime("aot")
    make_episode(anime, 1)
    url = f"/api/v2/pages/?child_of={anime.id}&type=anime.EpisodePage&fields=previous,next"

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert response.status_code == 200
        return len(queries)

    count()  # warm per-process caches (site root paths, locales)
    one = count()
    for number in range(2, 10):
        make_episode(anime, number)
    assert count() == one
    items = client.get(url).json()["items"]
    assert [item["next"]["number"] for item in items[:-1]] == list(range(2, 10))
    assert items[-1]["next"] is None
