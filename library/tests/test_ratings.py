"""Scores make the title's `rating` (mean, two decimals) and `rating_count`; the `-rating`
order of `titles/` follows; the cached listings drop once per burst of votes."""

import pytest
from django.core.cache import cache

from cms.catalog.cache import catalog_generation
from cms.catalog.models import TitlePage
from library import ratings, tasks
from library.signals import rating_changed

from .conftest import put_json


def rating_of(title) -> tuple:
    row = TitlePage.objects.values_list("rating", "rating_count").get(pk=title.pk)
    return (float(row[0]) if row[0] is not None else None, row[1])


@pytest.fixture
def voters(make_user):
    from django.test import Client

    clients = []
    for n in range(3):
        client = Client()
        client.force_login(make_user(f"voter{n}"))
        clients.append(client)
    return clients


def test_mean_and_count_follow_every_change(voters, anime, django_capture_on_commit_callbacks):
    url = f"/api/me/list/{anime.pk}/"
    changed = []
    rating_changed.connect(lambda title_id, **kw: changed.append(title_id), weak=False)
    with django_capture_on_commit_callbacks(execute=True):
        put_json(voters[0], url, {"score": 10})
        put_json(voters[1], url, {"score": 7})
        put_json(voters[2], url, {"status": "planned"})  # no score: not counted
    assert rating_of(anime) == (8.5, 2)
    assert changed == [anime.pk, anime.pk]
    put_json(voters[2], url, {"score": 8})
    assert rating_of(anime) == (8.33, 3)
    put_json(voters[0], url, {"score": None})
    assert rating_of(anime) == (7.5, 2)
    voters[1].delete(url)
    voters[2].delete(url)
    assert rating_of(anime) == (None, 0)
    # Editing a status alone leaves the rating as it is.
    put_json(voters[0], url, {"status": "dropped"})
    assert rating_of(anime) == (None, 0)


def test_titles_order_by_the_site_rating(client, voters, make_anime):
    low, high, unrated = make_anime("low"), make_anime("high"), make_anime("unrated")
    put_json(voters[0], f"/api/me/list/{low.pk}/", {"score": 4})
    put_json(voters[0], f"/api/me/list/{high.pk}/", {"score": 9})
    items = client.get("/api/v2/titles/?order=-rating").json()["items"]
    assert [item["id"] for item in items] == [high.pk, low.pk, unrated.pk]
    assert items[0]["rating"] == 9.0 and items[0]["rating_count"] == 1


def test_a_burst_of_votes_drops_the_cached_catalog_once(monkeypatch, make_anime):
    title = make_anime("burst")
    scheduled = []
    monkeypatch.setattr(
        tasks.flush_catalog_after_votes,
        "apply_async",
        lambda countdown: scheduled.append(countdown),
    )
    before = catalog_generation()
    assert [ratings.request_catalog_flush() for _ in range(100)].count(True) == 1
    assert scheduled == [ratings.RATING_FLUSH_DELAY]
    assert catalog_generation() == before  # nothing dropped until the flush runs
    tasks.flush_catalog_after_votes()
    assert catalog_generation() != before
    assert cache.get(ratings.RATING_FLUSH_KEY) is None
    assert ratings.request_catalog_flush() is True  # the next burst schedules again
    assert title.pk  # (the title only makes the tree exist)
