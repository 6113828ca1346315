"""One forum topic per title, made on publish and followed on later publishes, and the API
that gives the title page its «Обговорення на форумі» link."""

import pytest
from django.utils.encoding import iri_to_uri
from machina.apps.forum_conversation.models import Topic

from cms.demo.signals import demo_loaded
from forum.board.models import TitleTopic
from forum.board.topics import ensure_title_topic

pytestmark = pytest.mark.django_db


def test_publishing_a_title_opens_its_topic_once(make_anime, make_manga, browser):
    anime = make_anime("frieren", title="Фрірен")
    manga = make_manga("berserk", title="Берсерк")
    anime.save_revision().publish()  # a second publish makes no second topic
    assert TitleTopic.objects.count() == 2
    topic = TitleTopic.objects.get(page=anime).topic
    assert topic.subject == "Фрірен" and topic.forum.name == "Обговорення аніме"
    assert topic.first_post.username == "AniHata" and topic.first_post.poster is None
    assert "/anime/frieren/" in topic.first_post.content.raw
    assert TitleTopic.objects.get(page=manga).topic.forum.name == "Манґа"
    html = browser().get(f"/forum/forum/{topic.forum.slug}-{topic.forum_id}/").content.decode()
    assert "Фрірен" in html


def test_an_episode_publish_makes_no_topic(make_anime, make_episode):
    anime = make_anime("frieren")
    make_episode(anime, 1)
    assert list(TitleTopic.objects.values_list("page_id", flat=True)) == [anime.pk]


def test_the_topic_follows_a_renamed_title(make_anime):
    anime = make_anime("frieren", title="Frieren")
    anime.title = "Фрірен: Ті, що проводжають в останню путь"
    anime.save_revision().publish()
    topic = TitleTopic.objects.get(page=anime).topic
    assert topic.subject == anime.title
    assert topic.first_post.subject == anime.title


def test_ensuring_again_returns_the_same_topic(make_anime):
    anime = make_anime("frieren")
    assert ensure_title_topic(anime) == ensure_title_topic(anime)
    assert Topic.objects.count() == 1


def test_the_demo_backfills_titles_without_a_topic(make_anime):
    anime = make_anime("frieren")
    TitleTopic.objects.all().delete()
    demo_loaded.send(sender=None)
    assert TitleTopic.objects.filter(page=anime).exists()


def test_title_topic_api(make_anime, api):
    anime = make_anime("frieren", title="Фрірен")
    response = api().get(f"/api/forum/title-topic/{anime.pk}/")
    assert response.status_code == 200
    topic = TitleTopic.objects.get(page=anime).topic
    assert response.json() == {
        "page": anime.pk,
        "topic": topic.pk,
        "subject": "Фрірен",
        "url": iri_to_uri(
            f"/forum/forum/{topic.forum.slug}-{topic.forum_id}/topic/{topic.slug}-{topic.pk}/"
        ),
        "replies": 0,
    }
    assert response["Cache-Control"] == "public, max-age=60"
    assert "sessionid" not in response.cookies


def test_title_topic_api_made_late_for_a_title_published_before_the_forum(make_anime, api):
    anime = make_anime("frieren")
    TitleTopic.objects.all().delete()
    Topic.objects.all().delete()
    assert api().get(f"/api/forum/title-topic/{anime.pk}/").status_code == 200
    assert TitleTopic.objects.filter(page=anime).exists()


@pytest.mark.parametrize("page", ["999999", "99999999999999999999999", "abc", "-1"])
def test_title_topic_api_unknown_pages(page, api, make_anime, make_episode):
    response = api().get(f"/api/forum/title-topic/{page}/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_title_topic_api_is_for_live_titles_only(api, make_anime, make_episode):
    anime = make_anime("frieren")
    episode = make_episode(anime, 1)
    assert api().get(f"/api/forum/title-topic/{episode.pk}/").status_code == 404
    anime.unpublish()
    assert api().get(f"/api/forum/title-topic/{anime.pk}/").status_code == 404
