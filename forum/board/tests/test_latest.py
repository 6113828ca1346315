"""`GET /api/forum/latest/`: the latest topics anyone may read, by last post."""

import pytest
from django.utils.encoding import iri_to_uri
from machina.apps.forum_conversation.models import Post, Topic

pytestmark = pytest.mark.django_db


def test_latest_topics_by_last_post(api, news, make_topic, author, reader):
    first = make_topic(news, author, subject="Перша")
    second = make_topic(news, author, subject="Друга")
    Post.objects.create(topic=first, poster=reader, subject="Re", content="Відповідь")
    hidden = make_topic(news, author, subject="Неперевірена")
    Topic.objects.filter(pk=hidden.pk).update(approved=False)

    response = api().get("/api/forum/latest/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    results = response.json()["results"]
    assert [t["subject"] for t in results] == ["Перша", "Друга"]
    top = results[0]
    assert set(top) == {"id", "subject", "url", "forum", "replies", "last_post_at", "last_poster"}
    assert top["replies"] == 1 and top["last_poster"] == "reader"
    assert top["url"].startswith("/forum/forum/") and top["url"].endswith(f"-{first.pk}/")
    assert top["forum"] == {
        "name": "Новини",
        "url": iri_to_uri(f"/forum/forum/{news.slug}-{news.pk}/"),
    }
    assert results[1]["id"] == second.pk and results[1]["replies"] == 0


def test_latest_limit(api, news, make_topic, author):
    for number in range(4):
        make_topic(news, author, subject=f"Тема {number}")
    assert len(api().get("/api/forum/latest/?limit=2").json()["results"]) == 2


@pytest.mark.parametrize("limit", ["0", "21", "abc", "1e3", "-5", "9" * 40])
def test_latest_bad_limit_is_a_400(api, limit):
    response = api().get("/api/forum/latest/", {"limit": limit})
    assert response.status_code == 400
    assert response.json()["parameter"] == "limit"


def test_latest_is_in_the_openapi_schema(api):
    schema = api().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/forum/latest/" in schema["paths"]
    assert "/api/forum/title-topic/{page_id}/" in schema["paths"]
