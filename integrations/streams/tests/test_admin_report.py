"""The staff report of broken sources in the Wagtail admin."""

from django.utils import timezone

from cms.anime.models import VideoSource
from integrations.streams.models import BrokenVideoReport

URL = "/admin/reports/broken-video-sources/"


def test_report_lists_deactivated_failing_and_reported_sources(admin_client, fixture_anime):
    sources = list(VideoSource.objects.order_by("pk"))
    dead, failing, reported, healthy = sources[0], sources[1], sources[2], sources[3]
    VideoSource.objects.filter(pk=dead.pk).update(
        is_active=False, consecutive_failures=3, last_status="HTTP 404"
    )
    VideoSource.objects.filter(pk=failing.pk).update(consecutive_failures=1, last_status="timeout")
    BrokenVideoReport.objects.create(source=reported, session_key="s", day=timezone.localdate())

    response = admin_client.get(URL)
    assert response.status_code == 200
    listed = [source.pk for source in response.context["object_list"]]
    assert listed == [dead.pk, failing.pk, reported.pk]
    assert healthy.pk not in listed
    html = response.content.decode()
    assert "Несправні відеоджерела" in html and "HTTP 404" in html and "Тестовий плеєр" in html


def test_report_needs_an_editor(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
