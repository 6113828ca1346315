"""A changed rating reaches the catalog listing's read model (`titles/?order=-rating`)."""

import pytest

from cms.discovery.index import stale_entries
from cms.discovery.models import CatalogEntry
from library.models import ListEntry
from library.ratings import refresh_rating


@pytest.mark.django_db
def test_a_vote_reorders_the_listing(client, make_anime, django_user_model):
    first, second = make_anime("first"), make_anime("second")
    voter = django_user_model.objects.create_user("voter", "voter@example.com", "x")
    ListEntry.objects.create(user=voter, title=second, score=9)
    refresh_rating(second.pk)
    assert CatalogEntry.objects.get(page_id=second.pk).rating == 9
    assert stale_entries() == []
    items = client.get("/api/v2/titles/", {"order": "-rating"}).json()["items"]
    assert [item["id"] for item in items] == [second.pk, first.pk]
