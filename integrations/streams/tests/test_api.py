"""GET /api/playback/episodes/<id>/ and the broken-video reports, through the real URL map."""

from io import StringIO

import httpx
import pytest
import respx
from django.urls import reverse
from rest_framework.test import APIClient

from cms.anime.models import EpisodePage, VideoSource
from cms.dubbing.models import DubTeamPage
from integrations.streams import adapters
from integrations.streams.models import BrokenVideoReport

from .conftest import FIXTURE_BASE, clear_resolutions


def playback(client, pk):
    return client.get(f"/api/playback/episodes/{pk}/")


@pytest.fixture
def client():
    return APIClient()


def test_episode_with_two_dubs_has_the_contract_shape(client, fixture_anime):
    episodes = fixture_anime["episodes"]
    response = playback(client, episodes[1])
    assert response.status_code == 200
    body = response.json()
    assert body["episode"] == {
        "id": episodes[1],
        "number": 1,
        "title": "Серія 1",
        "intro": {"start": 2, "end": 6},
        "outro": None,
    }
    assert body["previous"] is None
    assert body["next"] == {
        "id": episodes[2],
        "number": 2,
        "title": "Серія 2",
        "url": "/anime/playback-fixture/2/",
    }
    # The dub team is the shared DubTeamRef shape, as on every other endpoint.
    assert set(body["groups"][0]["dub_team"]) == {"id", "slug", "title", "logo_url", "url"}
    assert [(g["language"], g["dub_team"]["title"]) for g in body["groups"]] == [
        ("uk", "Озвучка А"),
        ("uk", "Озвучка Б"),
    ]
    master = body["groups"][0]["sources"][0]
    assert master == {
        "id": master["id"],
        "provider": "direct",
        "kind": "hls",
        "url": f"{FIXTURE_BASE}/dub-a/master.m3u8",
        "qualities": [],
        "subtitles": [{"lang": "uk", "label": "Українська", "url": f"{FIXTURE_BASE}/subs/uk.vtt"}],
        "iframe_url": None,
        "message": None,
    }
    variants = body["groups"][1]["sources"][0]
    assert variants["kind"] == "hls" and variants["url"] is None
    assert [(q["label"], q["height"]) for q in variants["qualities"]] == [
        ("720p", 720),
        ("480p", 480),
        ("360p", 360),
    ]


def test_iframe_source_and_neighbours(client, fixture_anime):
    episodes = fixture_anime["episodes"]
    body = playback(client, episodes[2]).json()
    source = body["groups"][0]["sources"][0]
    assert (source["kind"], source["iframe_url"]) == ("iframe", f"{FIXTURE_BASE}/iframe.html")
    assert body["previous"]["number"] == 1 and body["next"]["number"] == 3


def test_inactive_sources_and_language_order(client, fixture_anime):
    episode = EpisodePage.objects.get(pk=fixture_anime["episodes"][1])
    VideoSource.objects.filter(episode=episode, kind="hls").update(is_active=False)
    VideoSource.objects.create(
        episode=episode, language="ja", kind="hls", provider="direct", url=f"{FIXTURE_BASE}/ja.m3u8"
    )
    VideoSource.objects.create(
        episode=episode, language="en", kind="hls", provider="direct", url=f"{FIXTURE_BASE}/en.m3u8"
    )
    groups = playback(client, episode.pk).json()["groups"]
    assert [(g["language"], (g["dub_team"] or {}).get("slug")) for g in groups] == [
        ("uk", "fixture-dub-b"),
        ("ja", None),
        ("en", None),
    ]


def test_unknown_unpublished_or_non_episode_ids_are_404(client, fixture_anime):
    assert playback(client, 999999).status_code == 404
    assert playback(client, 10**30).status_code == 404
    assert playback(client, fixture_anime["anime"]).status_code == 404
    episode = EpisodePage.objects.get(pk=fixture_anime["episodes"][3])
    episode.unpublish()
    response = playback(client, episode.pk)
    assert response.status_code == 404 and response.json()["detail"] == "Серію не знайдено."


@respx.mock
def test_provider_page_is_fetched_once_then_served_from_cache(client, fixture_anime):
    episode = EpisodePage.objects.get(pk=fixture_anime["episodes"][2])
    team = DubTeamPage.objects.get(slug="fixture-dub-b")
    page = (
        '<script>new Playerjs({id:"p", file:"[1080p]https://ashdi.vip/v/1080.m3u8,'
        '[480p]https://ashdi.vip/v/480.m3u8"})</script>'
    )
    route = respx.get("https://ashdi.vip/vod/42").mock(return_value=httpx.Response(200, text=page))
    VideoSource.objects.create(
        episode=episode,
        dub_team=team,
        kind="iframe",
        provider="ashdi",
        url="https://ashdi.vip/vod/42",
    )
    for _ in range(2):
        groups = playback(client, episode.pk).json()["groups"]
    ashdi = next(g for g in groups if g["dub_team"]["slug"] == "fixture-dub-b")["sources"][0]
    assert ashdi["kind"] == "hls"
    assert [q["height"] for q in ashdi["qualities"]] == [1080, 480]
    assert ashdi["iframe_url"] == "https://ashdi.vip/vod/42"
    assert route.call_count == 1


@respx.mock
def test_provider_down_or_adapter_bug_never_gives_a_500(client, fixture_anime, monkeypatch):
    episode = EpisodePage.objects.get(pk=fixture_anime["episodes"][2])
    respx.get("https://tortuga.wtf/vod/1").mock(return_value=httpx.Response(503))
    VideoSource.objects.create(
        episode=episode, kind="iframe", provider="tortuga", url="https://tortuga.wtf/vod/1"
    )
    sources = [s for g in playback(client, episode.pk).json()["groups"] for s in g["sources"]]
    tortuga = next(s for s in sources if s["provider"] == "tortuga")
    assert tortuga["kind"] == "unavailable" and tortuga["message"]

    def broken(self, spec):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(adapters.Adapter, "resolve", broken)
    monkeypatch.setattr(adapters.PlayerJSAdapter, "resolve", broken, raising=False)
    clear_resolutions()
    response = playback(client, episode.pk)
    assert response.status_code == 200
    assert {s["kind"] for g in response.json()["groups"] for s in g["sources"]} == {"unavailable"}


def test_schema_documents_the_playback_endpoints(client, db):
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/playback/episodes/{id}/" in text or "/api/playback/episodes/{pk}/" in text
    assert "PlaybackSource" in text and "/api/playback/sources/" in text


def report(client, pk, **data):
    return client.post(f"/api/playback/sources/{pk}/report/", data, format="json")


def test_one_report_per_visitor_per_source_per_day(fixture_anime):
    source = VideoSource.objects.filter(episode_id=fixture_anime["episodes"][3]).first()
    # Without a session a visitor is its address.
    visitor, other = APIClient(REMOTE_ADDR="203.0.113.5"), APIClient(REMOTE_ADDR="203.0.113.6")
    first = report(visitor, source.pk, reason="чорний екран")
    assert first.status_code == 201 and first.json()["created"] is True
    again = report(visitor, source.pk)
    assert again.status_code == 200 and again.json()["created"] is False
    assert report(other, source.pk).status_code == 201
    assert BrokenVideoReport.objects.filter(source=source).count() == 2
    assert BrokenVideoReport.objects.filter(reason="чорний екран").count() == 1


def test_report_errors_are_clear(fixture_anime):
    client = APIClient()
    assert report(client, 999999).status_code == 404
    assert report(client, 10**30).status_code == 404
    source = VideoSource.objects.first()
    response = report(client, source.pk, reason="x" * 301)
    assert response.status_code == 400
    assert "reason" in response.content.decode()
    broken = client.post(
        f"/api/playback/sources/{source.pk}/report/", "{oops", content_type="application/json"
    )
    assert broken.status_code == 400
    assert report(client, source.pk, reason=["a", "list"]).status_code == 400


def test_seed_is_idempotent_and_can_be_taken_off_the_site(fixture_anime, client):
    from django.core.management import call_command

    from integrations.streams.management.commands.seed_playback_fixture import seed

    again = seed(FIXTURE_BASE)
    assert again["episodes"] == fixture_anime["episodes"]
    assert VideoSource.objects.filter(episode_id__in=again["episodes"].values()).count() == 4
    moved = seed("http://127.0.0.1:10")
    assert VideoSource.objects.filter(url__startswith="http://127.0.0.1:10/").count() == 3
    assert moved["episodes"] == fixture_anime["episodes"]

    call_command("seed_playback_fixture", "--unpublish", stdout=StringIO())
    episode_id = fixture_anime["episodes"][1]
    assert playback(client, episode_id).status_code == 404
    assert not DubTeamPage.objects.live().filter(slug__startswith="fixture-dub-").exists()
    # Seeding again brings back the same pages, so cached front-end pages stay valid.
    assert seed(FIXTURE_BASE)["episodes"] == fixture_anime["episodes"]
    assert playback(client, episode_id).status_code == 200
    assert DubTeamPage.objects.live().filter(slug__startswith="fixture-dub-").count() == 2


def test_reports_are_capped_per_connection_address(fixture_anime, monkeypatch):
    from integrations.streams import views

    monkeypatch.setattr(views, "REPORTS_PER_HOUR", 2)
    source = VideoSource.objects.first()
    # Fresh clients, each claiming another address: with no trusted proxy only the
    # connection's address counts.
    statuses = [
        report(APIClient(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"), source.pk).status_code
        for n in range(4)
    ]
    assert statuses == [201, 200, 429, 429]
    assert report(APIClient(REMOTE_ADDR="203.0.113.9"), source.pk).status_code == 201


def test_behind_a_trusted_proxy_the_address_it_saw_counts(fixture_anime, monkeypatch, settings):
    from integrations.streams import views

    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(views, "REPORTS_PER_HOUR", 2)
    source = VideoSource.objects.first()

    def via_nginx(claimed: str, seen: str):
        client = APIClient(HTTP_X_FORWARDED_FOR=f"{claimed}, {seen}", REMOTE_ADDR="10.0.0.2")
        return report(client, source.pk).status_code

    assert [via_nginx(f"192.0.2.{n}", "203.0.113.7") for n in range(3)] == [201, 200, 429]
    assert via_nginx("192.0.2.1", "203.0.113.8") == 201


def test_an_anonymous_report_creates_no_session(fixture_anime):
    from django.contrib.sessions.models import Session

    source = VideoSource.objects.first()
    response = report(APIClient(), source.pk, reason="не грає")
    assert response.status_code == 201
    assert "sessionid" not in response.cookies and not Session.objects.exists()
    assert BrokenVideoReport.objects.get().session_key.startswith("addr:")


def test_a_signed_in_visitors_report_names_the_account(fixture_anime, django_user_model):
    user = django_user_model.objects.create_user(
        username="glyadach", email="glyadach@example.com", password="x"
    )
    client = APIClient()
    client.force_login(user)
    source = VideoSource.objects.first()
    assert report(client, source.pk, reason="звук відстає").status_code == 201
    assert BrokenVideoReport.objects.get().user == user
