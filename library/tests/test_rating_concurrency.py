"""50 users scoring one title at the same moment: the mean and the count are exact
(PostgreSQL, real threads, real row locks)."""

import random

import pytest
from django.db import connection
from django.test import Client

from cms.catalog.models import TitlePage
from library.models import ListEntry

from .conftest import put_json

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]
PARALLEL = 50


def test_fifty_parallel_scores_make_the_exact_mean(make_user, make_anime, at_once):
    title = make_anime("contested")
    scores = [random.Random(n).randint(1, 10) for n in range(PARALLEL)]
    clients = []
    for n in range(PARALLEL):
        client = Client()
        client.force_login(make_user(f"voter{n}"))
        clients.append(client)
    url = f"/api/me/list/{title.pk}/"
    jobs = [
        (lambda client=client, score=score: put_json(client, url, {"score": score}).status_code)
        for client, score in zip(clients, scores, strict=True)
    ]
    assert at_once(jobs) == [201] * PARALLEL
    row = TitlePage.objects.get(pk=title.pk)
    assert row.rating_count == PARALLEL
    assert float(row.rating) == round(sum(scores) / PARALLEL, 2)

    # And 50 changes of those same votes at once (each user moves to 10).
    jobs = [
        (lambda client=client: put_json(client, url, {"score": 10}).status_code)
        for client in clients
    ]
    assert at_once(jobs) == [200] * PARALLEL
    row = TitlePage.objects.get(pk=title.pk)
    assert (float(row.rating), row.rating_count) == (10.0, PARALLEL)
    assert ListEntry.objects.filter(title=title).count() == PARALLEL
