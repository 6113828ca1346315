"""URL rules for anything we fetch or hand to a browser.

Python's ``urlsplit`` and a browser disagree on odd URLs: ``http://evil.example\\@localhost/``
is host ``localhost`` to ``urlsplit`` but ``evil.example`` to the WHATWG URL parser browsers use
(a backslash ends the authority of an http(s) URL). Rather than emulate every WHATWG repair, we
accept only URLs both parsers read the same way and refuse the rest outright:

- the scheme is ``http`` or ``https`` followed by exactly ``//`` and a host;
- no backslash, whitespace, control character (C0, DEL, C1) or non-ASCII character anywhere;
- no user-info (``@`` before the path), no percent-escapes in the host;
- the host is a DNS name of letters, digits, ``-`` and ``.``, a dotted-quad IPv4 address or a
  bracketed IPv6 address: hosts a browser would read as a number (``2130706433``, ``0x7f.1``,
  ``0177.0.0.1``) are refused, since WHATWG turns them into an address we never checked;
- the port, if any, is 1–65535 in ASCII digits.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<rest>.*)", re.DOTALL)
_FORBIDDEN = re.compile(r"[\\\s\x00-\x1f\x7f-\x9f]")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_DIGITS_OR_HEX = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)")


class UnsafeUrl(ValueError):
    """The URL breaks our rules (the message is for logs, in English)."""


@dataclass(frozen=True)
class HttpUrl:
    """A URL that passed the rules: scheme and host lower-cased, port filled in."""

    url: str
    scheme: str
    host: str  # without brackets for IPv6
    port: int

    @property
    def is_ip(self) -> bool:
        try:
            ipaddress.ip_address(self.host)
        except ValueError:
            return False
        return True


def parse_http_url(url) -> HttpUrl:
    """Check ``url`` against the rules above; raise ``UnsafeUrl`` naming the first rule broken."""
    if not isinstance(url, str) or not url:
        raise UnsafeUrl("empty URL")
    if not url.isascii():
        raise UnsafeUrl("non-ASCII character")
    if _FORBIDDEN.search(url):
        raise UnsafeUrl("backslash, whitespace or control character")
    match = _URL.fullmatch(url)
    if not match or match["scheme"].lower() not in ("http", "https"):
        raise UnsafeUrl("scheme is not http or https")
    scheme, rest = match["scheme"].lower(), match["rest"]
    if not rest.startswith("//") or rest.startswith("///"):
        raise UnsafeUrl("no //host after the scheme")
    authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    if "@" in authority:
        raise UnsafeUrl("user-info in the authority")
    if "%" in authority:
        raise UnsafeUrl("percent-escape in the host")
    host, port = _split_port(authority)
    host = _check_host(host.lower())
    default = 443 if scheme == "https" else 80
    return HttpUrl(url=url, scheme=scheme, host=host, port=port or default)


def is_safe_http_url(url) -> bool:
    try:
        parse_http_url(url)
    except UnsafeUrl:
        return False
    return True


def _split_port(authority: str) -> tuple[str, int | None]:
    if authority.startswith("["):
        host, bracket, after = authority.partition("]")
        if not bracket:
            raise UnsafeUrl("unclosed IPv6 bracket")
        host += "]"
        if after and not after.startswith(":"):
            raise UnsafeUrl("text after the IPv6 address")
        port_text = after[1:] if after else ""
    else:
        host, _, port_text = authority.partition(":")
        if ":" in port_text:
            raise UnsafeUrl("more than one colon in the authority")
    if not port_text:
        return host, None
    if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UnsafeUrl("bad port")
    return host, int(port_text)


def _check_host(host: str) -> str:
    if host.startswith("["):
        try:
            return str(ipaddress.IPv6Address(host[1:-1]))
        except ValueError as exc:
            raise UnsafeUrl("bad IPv6 address") from exc
    name = host[:-1] if host.endswith(".") else host
    labels = name.split(".")
    if not name or not all(_LABEL.fullmatch(label) for label in labels):
        raise UnsafeUrl("host is not a DNS name or an IP address")
    if _DIGITS_OR_HEX.fullmatch(labels[-1]):
        # WHATWG reads a host ending in a number as IPv4 (any base, fewer than four parts).
        try:
            address = ipaddress.IPv4Address(name)
        except ValueError as exc:
            raise UnsafeUrl("numeric host that is not a dotted-quad IPv4 address") from exc
        if str(address) != name:
            raise UnsafeUrl("IPv4 address with leading zeros")
    return name
