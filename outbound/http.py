"""The guarded HTTP client: how we fetch a page someone else controls.

``fetch(url, hosts=…, timeout=…)`` GETs a page for the stream resolver, the periodic source
check and the manga reader (MangaDex's at-home API, relayed page images) under these rules:

- every hop must pass ``outbound.urls`` and be on ``hosts``; redirects are followed by hand,
  at most ``max_redirects`` (3), each hop checked like the first;
- the address a host resolves to must be global (not private, loopback, link-local, shared,
  multicast, reserved …) unless ``settings.STREAM_ALLOW_PRIVATE_NETWORKS`` (tests and local
  fixtures only). The check happens in the connection itself and the socket connects to the
  very address that was checked, so a DNS answer changing between check and connect (DNS
  rebinding) gains nothing; proxies from the environment are ignored for the same reason;
- the body is capped (2 MB by default): reading stops past the cap (an error, or with
  ``truncate`` the first bytes only, for probes);
- the whole fetch, redirects, DNS and every read included, has one deadline: a page dripping a
  byte a second cannot hold a worker longer than ``timeout`` seconds.

Errors are typed (``Refused``, ``TooLarge``, ``DeadlineExceeded``, ``NetworkError``, all
``FetchError``); HTTP error statuses are answers, not errors: the caller reads ``status``.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import time
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urljoin

import httpcore
import httpx
from django.conf import settings

from .hosts import host_allowed
from .urls import UnsafeUrl, parse_http_url

MAX_BODY = 2 * 1024 * 1024
MAX_REDIRECTS = 3
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# getaddrinfo has no timeout of its own: lookups run here so a fetch can stop waiting for one.
_RESOLVER = ThreadPoolExecutor(max_workers=8, thread_name_prefix="outbound-dns")


class FetchError(Exception):
    """A fetch that produced no answer we may use."""


class Refused(FetchError):
    """Against the rules: a bad URL, a host off the allowlist, a private address, a redirect
    loop. Nothing was sent to the refused address."""


class TooLarge(FetchError):
    def __init__(self, limit: int):
        super().__init__(f"body larger than {limit} bytes")
        self.limit = limit


class DeadlineExceeded(FetchError):
    """The fetch did not finish within its deadline."""


class NetworkError(FetchError):
    """Connection refused or reset, TLS failure, a body we cannot decode."""


@dataclass
class Page:
    """A fetched answer: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes
    truncated: bool = False

    @property
    def text(self) -> str:
        charset = httpx.Response(200, headers=self.headers).charset_encoding or "utf-8"
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


def allow_private_networks() -> bool:
    return bool(getattr(settings, "STREAM_ALLOW_PRIVATE_NETWORKS", False))


def is_public_address(address: str) -> bool:
    """Global unicast only: what a fetch on behalf of a visitor may connect to."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def fetch(
    url: str,
    *,
    hosts: Iterable[str],
    timeout: float,
    max_bytes: int = MAX_BODY,
    truncate: bool = False,
    max_redirects: int = MAX_REDIRECTS,
    headers: dict | None = None,
) -> Page:
    """GET ``url`` under the rules of this module (see its docstring)."""
    hosts = list(hosts)
    deadline = Deadline(timeout)
    backend = GuardedBackend(deadline, allow_private=allow_private_networks())
    request_headers = {"Accept-Encoding": "identity", **(headers or {})}
    with httpx.Client(
        transport=GuardedTransport(backend),
        trust_env=False,
        follow_redirects=False,
        headers=request_headers,
    ) as client:
        current = url
        for _hop in range(max_redirects + 1):
            _check_hop(current, hosts)
            deadline.check()
            try:
                with client.stream("GET", current, timeout=deadline.remaining()) as response:
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        current = urljoin(current, location.strip())
                        continue
                    content, truncated = _read_body(response, deadline, max_bytes, truncate)
                    return Page(current, response.status_code, response.headers, content, truncated)
            except httpx.TimeoutException as exc:
                raise DeadlineExceeded(f"no answer within {timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise NetworkError(f"{type(exc).__name__}: {exc}") from exc
    raise Refused(f"more than {max_redirects} redirects")


def _check_hop(url: str, hosts: list[str]) -> None:
    try:
        parsed = parse_http_url(url)
    except UnsafeUrl as exc:
        raise Refused(f"URL refused: {exc}") from exc
    if not host_allowed(parsed.host, hosts):
        raise Refused(f"host {parsed.host} is not on the allowlist")


def _read_body(response: httpx.Response, deadline: Deadline, max_bytes: int, truncate: bool):
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "deflate", ""):
        raise NetworkError(f"unsupported content encoding {encoding!r}")
    decoder = zlib.decompressobj(zlib.MAX_WBITS | 32) if encoding in ("gzip", "deflate") else None
    body = bytearray()
    for chunk in response.iter_raw():
        deadline.check()
        if decoder is not None:
            # Bounded: a small compressed chunk must not expand past the cap in memory.
            chunk = decoder.decompress(chunk, max_bytes + 1 - len(body))
        body += chunk
        if len(body) > max_bytes:
            if truncate:
                return bytes(body[:max_bytes]), True
            raise TooLarge(max_bytes)
    return bytes(body), False


class Deadline:
    """One point in time every step of a fetch must finish by."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def check(self) -> None:
        if self.remaining() <= 0:
            raise DeadlineExceeded(f"no answer within {self.seconds:g} s")

    def cap(self, timeout: float | None, error: type[Exception]) -> float:
        """The smaller of an operation's own timeout and the time left; ``error`` if none."""
        left = self.remaining()
        if left <= 0:
            raise error("deadline reached")
        return left if timeout is None else min(timeout, left)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving and checking the address before connecting to it."""

    def __init__(self, deadline: Deadline, *, allow_private: bool):
        self.deadline = deadline
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = self.checked_address(host, port)
        stream = super().connect_tcp(
            address,
            port,
            timeout=self.deadline.cap(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return DeadlineStream(stream, self.deadline)

    def connect_unix_socket(self, *args, **kwargs):
        raise Refused("unix sockets are never fetched")

    def checked_address(self, host: str, port: int) -> str:
        lookup = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
        try:
            infos = lookup.result(timeout=self.deadline.cap(None, httpcore.ConnectTimeout))
        except FutureTimeout as exc:
            raise httpcore.ConnectTimeout(f"DNS lookup of {host} timed out") from exc
        except OSError as exc:
            raise httpcore.ConnectError(f"DNS lookup of {host} failed: {exc}") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        if not self.allow_private:
            refused = [a for a in addresses if not is_public_address(a)]
            if refused:
                raise Refused(f"{host} resolves to a non-public address {refused[0]}")
        return addresses[0]


class DeadlineStream(httpcore.NetworkStream):
    """A connected socket whose every read and write also stops at the fetch's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline):
        self.stream = stream
        self.deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self.deadline.cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.deadline.cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        # SNI and the certificate check use the host name, not the address we connected to.
        tls = self.stream.start_tls(
            ssl_context, server_hostname, self.deadline.cap(timeout, httpcore.ConnectTimeout)
        )
        return DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str):
        return self.stream.get_extra_info(info)


@functools.cache
def _ssl_context():
    """Loading the CA bundle takes ~50 ms: once per process, shared by every fetch."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport on a pool that connects through ``GuardedBackend``."""

    def __init__(self, backend: GuardedBackend):
        super().__init__(verify=_ssl_context(), trust_env=False)
        # httpx offers no parameter for httpcore's network backend: rebuild its pool with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            network_backend=backend,
            max_connections=4,
        )
