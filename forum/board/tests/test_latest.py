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


def test_forum_topics_join_the_instant_search(api, news, make_topic, author, make_anime):
    make_topic(news, author, subject="Фрірен: найкраща серія?")
    make_topic(news, author, subject="Інша розмова")
    make_anime("frieren", title="Фрірен")  # its own topic, «Фрірен», joins too
    response = api().get("/api/search/instant/", {"q": "фрірен"})
    assert response.status_code == 200
    topics = response.json()["topics"]
    assert {t["title"] for t in topics} == {"Фрірен: найкраща серія?", "Фрірен"}
    assert set(topics[0]) == {"id", "title", "url", "forum"}
    assert all(t["url"].startswith("/forum/forum/") for t in topics)
    only_anime = api().get("/api/search/instant/", {"q": "фрірен серія", "kind": "anime"})
    assert only_anime.json()["topics"] == []


def test_instant_topics_need_every_word_and_survive_hostile_text(api, news, make_topic, author):
    make_topic(news, author, subject="Атака титанів: фінал")
    found = api().get("/api/search/instant/", {"q": "фінал атака"}).json()["topics"]
    assert [t["title"] for t in found] == ["Атака титанів: фінал"]
    for hostile in ("%", "_", "' OR 1=1 --", "<script>", "a " * 49):
        response = api().get("/api/search/instant/", {"q": hostile})
        assert response.status_code == 200, hostile


def test_instant_search_schema_has_the_topics_section(api):
    schema = api().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "InstantTopic" in schema["components"]["schemas"]
