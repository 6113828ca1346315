"""Finding English UI words in an admin page: the visible text and the attributes people read
(title, placeholder, aria-label, alt, button values), minus names that stay Latin (brands,
formats) and data (addresses, e-mails, file names)."""

from __future__ import annotations

import re
import zoneinfo
from html.parser import HTMLParser

READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "aria-description"}
SKIPPED_ELEMENTS = {"script", "style", "noscript", "code", "pre", "svg", "textarea"}
# Names that are Latin in Ukrainian too, and tokens that are data, not UI.
ALLOWED = {
    "AniHata", "Wagtail", "CRM", "Google", "CSV", "XLSX", "TSV", "HLS", "MAL", "URL", "API", "SEO",
    "English", "Chart", "Jikan", "AniList", "Kitsu", "MangaDex", "Hikka", "JSON", "HTML",
    "Українська", "iframe", "hls", "direct", "ashdi", "tortuga", "moonanime", "csst", "OpenAPI",
    "GIF", "PNG", "JPEG", "WebP", "AVIF", "SVG", "PDF", "ALT", "ICO", "HEIC",
    "Ctrl", "Alt", "Shift", "Esc",  # key caps
    "Ashdi", "MoonAnime", "Tortuga", "CSST", "MyAnimeList",  # video providers, import sources
    "Telegram", "YouTube",  # link names a dub team's page lists
    "OVA", "ONA",  # anime formats, called so in Ukrainian too
    "JPG", "WEBP", "master",  # image formats; HLS's "master playlist" is a format term
    "AoT",  # the title abbreviation in the synonyms field's example
    "localhost",  # a site's host name
}  # fmt: skip
# IANA time-zone names ("Europe/Kyiv") in the account's time-zone list are data.
TIME_ZONES = zoneinfo.available_timezones() | {"localtime"}
DATA = re.compile(
    r"\S+@\S+|https?://\S+|/\S*|\S+\.(?:jpe?g|png|gif|webp|svg|m3u8|pdf)\b|[\w.-]+_[\w.-]+"
    r"|\b[a-z]+\.[a-z]+\b",  # app.model identifiers (the page types report)
    re.IGNORECASE,
)
# Apostrophes only inside a word ("hasn't"), not the quotes around a title ('AniHata').
WORD = re.compile(r"[A-Za-z](?:[A-Za-z]|['’](?=[A-Za-z])){2,}")


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        attributes = dict(attrs)
        for name in READ_ATTRIBUTES & attributes.keys():
            self.chunks.append(attributes[name] or "")
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.chunks.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.chunks.append(data)


def _chunks(html: str) -> list[str]:
    reader = _Reader()
    reader.feed(html)
    return [" ".join(chunk.split()) for chunk in reader.chunks if chunk.strip()]


def _words(text: str, allowed) -> set[str]:
    return {w for w in WORD.findall(DATA.sub(" ", text)) if w not in ALLOWED | set(allowed)}


def english_phrases(html: str, allowed=()) -> list[str]:
    """The pieces of text on the page that hold English words, each once, in page order."""
    found: list[str] = []
    for chunk in _chunks(html):
        if chunk in TIME_ZONES:
            continue
        if _words(chunk, allowed) and chunk not in found:
            found.append(chunk)
    return found
