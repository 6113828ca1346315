"""Periodic source checks: outcomes recorded, repeated failures deactivate the source."""

import httpx
import respx
from django.test import override_settings

from cms.anime.models import VideoSource
from cms.dubbing.models import TitleDubbing
from integrations.streams.health import check_sources
from integrations.streams.tasks import check_video_sources

from .conftest import FIXTURE_BASE

PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n"


def mock_fixture_urls(master_status=200, variant_text=PLAYLIST):
    respx.get(f"{FIXTURE_BASE}/dub-a/master.m3u8").mock(
        return_value=httpx.Response(master_status, text=PLAYLIST)
    )
    respx.get(url__regex=rf"{FIXTURE_BASE}/dub-b/\d+/index.m3u8").mock(
        return_value=httpx.Response(200, text=variant_text)
    )
    respx.get(f"{FIXTURE_BASE}/iframe.html").mock(return_value=httpx.Response(200, text="<html>"))
    respx.get(f"{FIXTURE_BASE}/gone/master.m3u8").mock(return_value=httpx.Response(404))


def status_of(url_part: str) -> VideoSource:
    return next(s for s in VideoSource.objects.all() if url_part in (s.url or str(s.variants)))


@respx.mock
def test_outcomes_are_recorded_per_source(fixture_anime):
    mock_fixture_urls()
    assert check_video_sources() == {"checked": 4, "failed": 1}
    assert status_of("dub-a").last_status == "ok"
    assert status_of("dub-b").last_status == "ok"
    assert status_of("iframe.html").last_status == "ok"
    gone = status_of("gone")
    assert (gone.last_status, gone.consecutive_failures, gone.is_active) == ("HTTP 404", 1, True)
    assert gone.last_checked is not None


@respx.mock
@override_settings(STREAM_CHECK_MAX_FAILURES=3)
def test_a_source_failing_n_checks_in_a_row_is_deactivated(fixture_anime):
    mock_fixture_urls(variant_text="<html>not a playlist</html>")
    for _ in range(2):
        check_sources()
    broken = status_of("dub-b")
    assert (broken.consecutive_failures, broken.is_active) == (2, True)
    assert broken.last_status == "not an HLS playlist"
    check_sources()
    assert status_of("dub-b").is_active is False
    # Its team no longer voices the title as far as the catalog filters are concerned.
    assert not TitleDubbing.objects.filter(dub_team=status_of("dub-b").dub_team).exists()
    # Deactivated sources are no longer probed; the others keep being checked.
    assert check_sources()["checked"] == 2


@respx.mock
def test_recovery_resets_the_failure_count(fixture_anime):
    respx.get(f"{FIXTURE_BASE}/dub-a/master.m3u8").mock(
        side_effect=[httpx.ConnectTimeout("slow"), httpx.Response(200, text=PLAYLIST)]
    )
    source = status_of("dub-a")
    check_sources([source.pk])
    source.refresh_from_db()
    assert (source.last_status, source.consecutive_failures) == ("timeout", 1)
    check_sources([source.pk])
    source.refresh_from_db()
    assert (source.last_status, source.consecutive_failures) == ("ok", 0)


@respx.mock
def test_command_checks_the_given_sources(fixture_anime):
    from io import StringIO

    import pytest
    from django.core.management import CommandError, call_command

    mock_fixture_urls()
    gone = status_of("gone")
    out = StringIO()
    call_command("check_video_sources", "--ids", str(gone.pk), stdout=out)
    assert out.getvalue().strip() == "Перевірено джерел: 1, з помилками: 1"
    assert status_of("dub-a").last_checked is None
    with pytest.raises(CommandError):
        call_command("check_video_sources", "--ids", "1,x")
