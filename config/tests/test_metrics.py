"""`/metrics`: our own figures beside django-prometheus', readable only from the allowed
networks."""

import pytest
from django.test import override_settings

from cms.anime.models import VideoSource


@pytest.mark.django_db
def test_metrics_from_an_allowed_address(client, make_anime, make_episode):
    anime = make_anime("frieren")
    make_episode(anime, 1, sources=[{"provider": "direct", "url": "https://a.example/1.m3u8"}])
    make_episode(anime, 2, sources=[{"provider": "direct", "url": "https://a.example/2.m3u8"}])
    make_episode(anime, 3, sources=[{"provider": "direct", "url": "https://a.example/3.m3u8"}])
    VideoSource.objects.filter(episode__number=2).update(is_active=False)
    VideoSource.objects.filter(episode__number=3).update(live=False)  # awaiting approval
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'anihata_video_sources{state="active"} 1.0' in text
    assert 'anihata_video_sources{state="inactive"} 1.0' in text
    assert 'anihata_video_sources{state="pending"} 1.0' in text
    assert "django_http_requests_total_by_method_total" in text


@pytest.mark.django_db
def test_metrics_refused_elsewhere(client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.7").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    with override_settings(METRICS_ALLOWED_NETWORKS=["10.0.0.0/8"]):
        assert client.get("/metrics", REMOTE_ADDR="10.4.0.9").status_code == 200
        assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403


@pytest.mark.django_db
def test_request_id_is_echoed_or_made(client):
    assert client.get("/health/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    made = client.get("/health/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert len(made) == 32 and made.isalnum()
