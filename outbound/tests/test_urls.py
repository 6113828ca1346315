"""URL rules: what a browser would read differently from urlsplit is refused outright."""

import pytest

from outbound.hosts import host_matches, is_allowed_stream_url
from outbound.urls import UnsafeUrl, parse_http_url


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example\\@localhost/",  # urlsplit: localhost; browsers: evil.example
        "https://ashdi.vip\\.evil.example/",
        "https://user:pass@ashdi.vip/",
        "https://ashdi.vip@evil.example/",
        "https://ashdi.vip/\x00x",
        "https://ashdi.vip/a\tb",
        "https://ashdi.vip/a\nb",
        " https://ashdi.vip/",
        "https://ashdi.vip/\x85",
        "javascript://ashdi.vip/%0aalert(1)",
        "ftp://ashdi.vip/",
        "https:ashdi.vip/x",  # WHATWG repairs this to https://ashdi.vip/x
        "https:/ashdi.vip/x",
        "https:///ashdi.vip/x",
        "https://ashdi%2evip/",
        "https://2130706433/",  # 127.0.0.1 to a browser
        "https://0x7f.1/",
        "https://0177.0.0.1/",
        "https://127.1/",
        "https://ashdi.vip:99999/",
        "https://ashdi.vip:8a/",
        "https://[::1/",
        "https://ашді.віп/",
        "https://under_score.ashdi.vip/",
        "",
        None,
    ],
)
def test_refused(url):
    with pytest.raises(UnsafeUrl):
        parse_http_url(url)


@pytest.mark.parametrize(
    ("url", "host", "port"),
    [
        ("https://ashdi.vip/vod/1?x=1#t", "ashdi.vip", 443),
        ("HTTP://CDN.Ashdi.VIP:8080/a.m3u8", "cdn.ashdi.vip", 8080),
        ("http://127.0.0.1:9/m.m3u8", "127.0.0.1", 9),
        ("https://ashdi.vip./x", "ashdi.vip", 443),
        ("http://[::1]:8000/", "::1", 8000),
        ("https://xn--80a.example/?q=a@b", "xn--80a.example", 443),
    ],
)
def test_accepted(url, host, port):
    parsed = parse_http_url(url)
    assert (parsed.host, parsed.port) == (host, port)


def test_allowlist_covers_subdomains_and_extra_hosts(settings):
    settings.STREAM_PROVIDER_HOSTS = {"csst": ["csst.online", "secvideo1.online"]}
    assert is_allowed_stream_url("csst", "https://cdn.secvideo1.online/a.mp4")
    assert is_allowed_stream_url("csst", "https://csst.online/embed/1")
    assert not is_allowed_stream_url("csst", "https://notcsst.online/embed/1")
    assert not is_allowed_stream_url("csst", "https://csst.online\\@evil.example/")
    assert not is_allowed_stream_url("ashdi", "https://csst.online/embed/1")
    assert host_matches("A.CSST.online.", "csst.online") and not host_matches("x", "")
