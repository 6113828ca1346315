"""Two workers importing the same title at the same moment make one page (PostgreSQL only:
SQLite serialises all writes, so it cannot show the race)."""

import pytest
from django.db import connection

from cms.anime.models import AnimePage
from integrations.importers import review
from integrations.models import ImportedTitle
from integrations.providers.anilist import mapping as anilist
from integrations.providers.jikan import mapping as jikan
from integrations.providers.provider import Fetched
from integrations.tests.recorded import load

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locks (DATABASE_URL)"
    ),
]


def jikan_frieren():
    data = load("jikan/anime_52991_full")["data"]
    return Fetched(jikan.map_title(data, "anime"), data)


def anilist_frieren():
    media = load("anilist/media_154587")["data"]["Media"]
    return Fetched(anilist.map_title(media, "anime"), media)


@pytest.mark.parametrize("attempt", range(3))
def test_same_id_twice_at_once_makes_one_page(tree, attempt, at_once):
    at_once([lambda: review.upsert_record(jikan_frieren(), publish=True)] * 4)
    assert ImportedTitle.objects.count() == 1
    assert AnimePage.objects.count() == 1
    assert ImportedTitle.objects.get().page_id == AnimePage.objects.get().pk


def test_two_sources_of_one_work_at_once_make_one_page(tree, at_once):
    at_once(
        [
            lambda: review.upsert_record(jikan_frieren(), publish=True),
            lambda: review.upsert_record(anilist_frieren(), publish=True),
        ]
    )
    page = AnimePage.objects.get()
    assert page.external_ids == {"mal": 52991, "anilist": 154587}
    assert set(ImportedTitle.objects.values_list("page_id", flat=True)) == {page.pk}
