"""VideoSource.clean applies the URL rules of ``outbound`` (as a browser reads the URL)."""

import pytest
from django.core.exceptions import ValidationError

from cms.anime.models import VideoSource


def clean(**fields):
    source = VideoSource(**{"language": "ja", "provider": "direct", "kind": "hls", **fields})
    source.clean()
    source.clean_fields(exclude=["episode", "sort_order"])


@pytest.mark.parametrize(
    "fields",
    [
        {"url": "http://evil.example\\@localhost/m.m3u8"},  # a browser loads evil.example
        {"url": "http://user@localhost/m.m3u8"},
        {"url": "http://localhost/m.m3u8\n"},
        {"kind": "hls_variants", "variants": {"720": "http://evil.example\\@localhost/720.m3u8"}},
        {"url": "http://localhost/m.m3u8", "subtitles": [{"lang": "uk", "url": "http://a\\@b/"}]},
    ],
)
def test_urls_a_browser_reads_differently_are_refused(fields):
    with pytest.raises(ValidationError):
        clean(**fields)


def test_a_plain_url_on_the_allowlist_passes():
    clean(
        url="http://localhost:8000/m.m3u8",
        subtitles=[{"lang": "uk", "url": "http://localhost/uk.vtt"}],
    )
