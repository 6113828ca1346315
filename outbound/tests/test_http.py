"""The guarded client against real local servers: hops, addresses, size and deadline."""

import gzip
import socket
import time

import pytest
import respx
from httpx import Response

from outbound.http import (
    MAX_BODY,
    DeadlineExceeded,
    Refused,
    TooLarge,
    fetch,
    is_public_address,
)

from .server import drip, redirect, serve, sized, text

LOOPBACK = ["127.0.0.1", "localhost"]


def test_a_page_is_fetched_with_its_final_url():
    with serve({"/a": redirect("/b"), "/b": text("hello")}) as server:
        page = fetch(server.url("/a"), hosts=LOOPBACK, timeout=5)
    assert (page.status, page.text, page.url) == (200, "hello", server.url("/b"))


def test_redirect_to_a_host_off_the_allowlist_is_refused_before_any_request():
    with serve({"/secret": text("internal")}) as internal:
        target = internal.url("/secret", host="127.0.0.1")
        with serve({"/page": redirect(target)}) as provider:
            with pytest.raises(Refused, match="allowlist"):
                fetch(provider.url("/page", host="localhost"), hosts=["localhost"], timeout=5)
            assert provider.hits == ["/page"]
    assert internal.hits == []


def test_redirect_to_a_loopback_address_is_refused_at_connect(settings):
    """The provider's allowlist may even list the host: the address decides."""
    settings.STREAM_ALLOW_PRIVATE_NETWORKS = False
    with serve({"/secret": text("internal")}) as internal:
        with respx.mock(assert_all_called=False) as router:
            router.get("https://provider.test/page").mock(
                return_value=Response(302, headers={"Location": internal.url("/secret")})
            )
            router.route(host="127.0.0.1").pass_through()
            with pytest.raises(Refused, match="non-public address 127.0.0.1"):
                fetch(
                    "https://provider.test/page",
                    hosts=["provider.test", "127.0.0.1"],
                    timeout=5,
                )
    assert internal.hits == []


def test_a_host_resolving_to_a_private_address_is_refused(settings, monkeypatch):
    settings.STREAM_ALLOW_PRIVATE_NETWORKS = False
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, **kw: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))],
    )
    with pytest.raises(Refused, match="10.1.2.3"):
        fetch("https://cdn.provider.test/x", hosts=["provider.test"], timeout=5)


def test_the_socket_connects_to_the_address_that_was_checked(monkeypatch):
    """One lookup per hop: a second answer (DNS rebinding) is never asked for, never used."""
    real = socket.getaddrinfo
    answers = []

    def rebinding(host, port, *args, **kwargs):
        if host != "pinned.test":
            return real(host, port, *args, **kwargs)
        answers.append(host)
        if len(answers) > 1:
            raise socket.gaierror("a second lookup would get another address")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with serve({"/p": text("pinned")}) as server:
        page = fetch(server.url("/p", host="pinned.test"), hosts=["pinned.test"], timeout=5)
    assert page.text == "pinned" and answers == ["pinned.test"]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
    ],
)
def test_public_addresses(address, public):
    assert is_public_address(address) is public


def test_redirects_stop_after_three():
    routes = {f"/{n}": redirect(f"/{n + 1}") for n in range(5)}
    with serve(routes) as server:
        with pytest.raises(Refused, match="more than 3 redirects"):
            fetch(server.url("/0"), hosts=LOOPBACK, timeout=5)
    assert server.hits == ["/0", "/1", "/2", "/3"]


def test_a_backslash_location_is_refused():
    with serve({"/page": redirect("http://evil.example\\@127.0.0.1/")}) as server:
        with pytest.raises(Refused, match="backslash"):
            fetch(server.url("/page"), hosts=["127.0.0.1", "evil.example"], timeout=5)


def test_a_drip_fed_page_hits_the_overall_deadline():
    """Each byte comes well within a read timeout; only an overall deadline stops it."""
    with serve({"/slow": drip(total_seconds=10, interval=0.1)}) as server:
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded):
            fetch(server.url("/slow"), hosts=LOOPBACK, timeout=1)
        assert time.monotonic() - started < 3.0  # the drip lasts 10 s


def test_a_page_past_the_cap_stops_the_read():
    with serve({"/big": sized(3 * 1024 * 1024)}) as server:
        with pytest.raises(TooLarge):
            fetch(server.url("/big"), hosts=LOOPBACK, timeout=5)
        probe = fetch(server.url("/big"), hosts=LOOPBACK, timeout=5, max_bytes=1000, truncate=True)
    assert (len(probe.content), probe.truncated) == (1000, True)


def test_a_compressed_page_is_capped_after_decompression():
    bomb = gzip.compress(b"\0" * (MAX_BODY * 4))

    def handle(request):
        request.send_response(200)
        request.send_header("Content-Encoding", "gzip")
        request.send_header("Content-Length", str(len(bomb)))
        request.end_headers()
        request.wfile.write(bomb)

    with serve({"/bomb": handle}) as server:
        with pytest.raises(TooLarge):
            fetch(server.url("/bomb"), hosts=LOOPBACK, timeout=5)
