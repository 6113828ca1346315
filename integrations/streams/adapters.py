"""Provider adapters: turn one stored video source into what our player can play.

``direct`` sources already are HLS (a master playlist, or one playlist per quality). The iframe
providers of Ukrainian dub teams (ashdi, tortuga, moonanime, csst, and a generic ``iframe``)
embed PlayerJS: we fetch the iframe page server-side, read the stream from its config and hand
HLS to our player, falling back to the iframe when the page cannot be read. Pages are fetched
through ``outbound.http`` (provider allowlist on every hop, no private addresses, 2 MB, one
deadline); every URL we return passes ``outbound.hosts`` (``Adapter.resolve`` checks the finished
answer once more), so a stream on any other host, or a URL a browser would read differently, is
dropped.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

from django.conf import settings

from outbound import http
from outbound.hosts import allowed_hosts, is_allowed_stream_url
from outbound.providers import reader_of

from . import playerjs

logger = logging.getLogger(__name__)

MESSAGE_PROVIDER_DOWN = (
    "Сервер провайдера зараз не відповідає. Спробуйте іншу озвучку або зазирніть трохи пізніше."
)
MESSAGE_GONE = "Провайдер більше не віддає це відео. Спробуйте іншу озвучку."
MESSAGE_HOST_NOT_ALLOWED = "Це джерело вимкнене: його адреса не входить до дозволених провайдерів."
MESSAGE_NOT_PLAYABLE = "Не вдалося знайти відео цієї серії у провайдера."

SUBTITLE_LABELS = {
    "uk": "Українська",
    "en": "Англійська",
    "ja": "Японська",
    "ru": "Російська",
}
_SUBTITLE_LANG_BY_WORD = {
    "укр": "uk",
    "ukr": "uk",
    "eng": "en",
    "англ": "en",
    "jap": "ja",
    "япон": "ja",
    "рус": "ru",
    "рос": "ru",
}


@dataclass(frozen=True)
class SourceSpec:
    """The parts of a VideoSource an adapter needs; plain data so it can be cached and tested."""

    id: int
    provider: str
    kind: str  # the stored kind: hls, hls_variants or iframe
    url: str
    variants: dict = field(default_factory=dict)
    subtitles: tuple = ()
    episode_number: int = 0
    team_names: tuple[str, ...] = ()


@dataclass
class Resolution:
    """A source as the playback API returns it (kind: hls, file, iframe or unavailable)."""

    kind: str
    url: str = ""
    qualities: list[dict] = field(default_factory=list)
    subtitles: list[dict] = field(default_factory=list)
    iframe_url: str = ""
    message: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def stream_kind(url: str) -> str | None:
    """``hls`` for playlists, ``file`` for progressive MP4, ``None`` for anything else."""
    path = urlsplit(url).path.lower()
    if path.endswith(".m3u8"):
        return "hls"
    if path.endswith((".mp4", ".m4v")):
        return "file"
    return None


def _quality(label: str, height: int | None, url: str) -> dict:
    if not label or label.isdigit():  # stored variants are keyed "720"; show "720p"
        label = f"{height}p" if height else "Авто"
    return {"label": label, "height": height, "url": url}


def _subtitle_lang(label: str) -> str:
    lowered = label.casefold()
    if lowered in SUBTITLE_LABELS:
        return lowered
    for word, lang in _SUBTITLE_LANG_BY_WORD.items():
        if word in lowered:
            return lang
    return "und"


class Adapter:
    """Base adapter: stored HLS sources are returned as they are, iframes as iframes."""

    name = "direct"

    def resolve(self, source: SourceSpec) -> Resolution:
        return only_allowed_urls(self.resolve_unchecked(source), source.provider)

    def fetches(self, source: SourceSpec) -> bool:
        """Does resolving this source fetch a provider page (worth one fetch at a time)?"""
        return False

    def resolve_iframe_fallback(self, source: SourceSpec) -> Resolution:
        """What a visitor gets when the page cannot be read for them: the provider's iframe."""
        return only_allowed_urls(Resolution("iframe", iframe_url=source.url), source.provider)

    def resolve_unchecked(self, source: SourceSpec) -> Resolution:
        if not is_allowed_stream_url(source.provider, source.url or _first_variant(source)):
            return Resolution("unavailable", message=MESSAGE_HOST_NOT_ALLOWED)
        if source.kind == "iframe":
            return self.resolve_iframe(source)
        subtitles = self.allowed_subtitles(source.provider, _stored_subtitles(source))
        if source.kind == "hls_variants":
            return self.from_qualities(source.provider, _stored_variants(source), subtitles)
        kind = stream_kind(source.url) or "hls"
        return Resolution(kind, url=source.url, subtitles=subtitles)

    def resolve_iframe(self, source: SourceSpec) -> Resolution:
        return Resolution("iframe", iframe_url=source.url)

    def from_qualities(
        self,
        provider: str,
        qualities: list[playerjs.LabelledUrl],
        subtitles: list[dict],
    ) -> Resolution:
        """Build a per-quality resolution, dropping URLs outside the allowlist."""
        allowed = [q for q in qualities if is_allowed_stream_url(provider, q.url)]
        if not allowed:
            return Resolution("unavailable", message=MESSAGE_HOST_NOT_ALLOWED)
        kinds = {stream_kind(q.url) or "hls" for q in allowed}
        if len(allowed) == 1 and not allowed[0].height:
            return Resolution(kinds.pop(), url=allowed[0].url, subtitles=subtitles)
        ordered = sorted(allowed, key=lambda q: q.height or 0, reverse=True)
        return Resolution(
            "file" if kinds == {"file"} else "hls",
            qualities=[_quality(q.label, q.height, q.url) for q in ordered],
            subtitles=subtitles,
        )

    @staticmethod
    def allowed_subtitles(provider: str, tracks: list[dict]) -> list[dict]:
        return [t for t in tracks if is_allowed_stream_url(provider, t["url"])]


class PlayerJSAdapter(Adapter):
    """Iframe providers built on PlayerJS: read the stream out of the iframe page."""

    def __init__(self, name: str):
        self.name = name

    def fetches(self, source: SourceSpec) -> bool:
        return source.kind == "iframe"

    def resolve_iframe(self, source: SourceSpec) -> Resolution:
        fallback = self.resolve_iframe_fallback(source)
        try:
            response = http.fetch(
                source.url,
                hosts=allowed_hosts(source.provider),
                timeout=getattr(settings, "STREAM_PROVIDER_TIMEOUT", 3.0),
                headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AniHata/1.0"},
            )
        except http.FetchError as exc:
            # Refused (a hop off the allowlist, a private address), slow or broken for our
            # server is not necessarily so for the visitor's browser: it gets the iframe.
            level = logging.WARNING if isinstance(exc, http.Refused) else logging.INFO
            logger.log(level, "provider %s failed for source %s: %s", self.name, source.id, exc)
            return fallback
        if response.status >= 500:
            return Resolution("unavailable", iframe_url=source.url, message=MESSAGE_PROVIDER_DOWN)
        if response.status in (404, 410):
            return Resolution("unavailable", iframe_url=source.url, message=MESSAGE_GONE)
        if response.status >= 400:
            return fallback
        try:
            config = playerjs.parse_player_page(response.text)
        except playerjs.PlayerConfigNotFound as exc:
            logger.info(
                "provider %s page not parsed for source %s: %s",
                self.name,
                source.id,
                exc,
            )
            return fallback
        resolution = self.from_config(config, source, response.url)
        if resolution is None or resolution.kind == "unavailable":
            return fallback
        resolution.iframe_url = source.url
        return resolution

    def from_config(
        self, config: playerjs.PlayerConfig, source: SourceSpec, page_url: str
    ) -> Resolution | None:
        file, subtitle = config.file, config.subtitle
        if config.playlist:
            item = playerjs.select_playlist_item(
                config.playlist, source.episode_number, list(source.team_names)
            )
            if item is None:
                return None
            file, subtitle = item.file, item.subtitle or subtitle
        qualities = [q for q in playerjs.parse_labelled_list(file, page_url) if stream_kind(q.url)]
        if not qualities:
            return None
        tracks = [
            {
                "lang": _subtitle_lang(t.label),
                "label": t.label or "Субтитри",
                "url": t.url,
            }
            for t in playerjs.parse_labelled_list(subtitle, page_url)
        ]
        stored = _stored_subtitles(source)
        subtitles = self.allowed_subtitles(source.provider, stored + tracks)
        return self.from_qualities(source.provider, qualities, subtitles)


def _stored_variants(source: SourceSpec) -> list[playerjs.LabelledUrl]:
    return [
        playerjs.LabelledUrl(str(label), str(url))
        for label, url in (source.variants or {}).items()
        if url
    ]


def _first_variant(source: SourceSpec) -> str:
    variants = _stored_variants(source)
    return variants[0].url if variants else ""


def _stored_subtitles(source: SourceSpec) -> list[dict]:
    tracks = []
    for track in source.subtitles or ():
        if isinstance(track, dict) and track.get("url"):
            lang = str(track.get("lang") or "und")
            label = track.get("label") or SUBTITLE_LABELS.get(lang, lang)
            tracks.append({"lang": lang, "label": label, "url": str(track["url"])})
    return tracks


def only_allowed_urls(resolution: Resolution, provider: str) -> Resolution:
    """The last word on what leaves the API: every URL in the answer (``url``, qualities,
    subtitles, ``iframe_url``) passes the URL rules and the provider's allowlist, or goes."""

    def allowed(url: str) -> bool:
        return not url or is_allowed_stream_url(provider, url)

    qualities = [q for q in resolution.qualities if allowed(q["url"])]
    subtitles = [t for t in resolution.subtitles if allowed(t["url"])]
    url_ok, iframe_ok = allowed(resolution.url), allowed(resolution.iframe_url)
    if url_ok and iframe_ok and len(qualities) == len(resolution.qualities):
        if len(subtitles) == len(resolution.subtitles):
            return resolution
        return Resolution(**{**resolution.as_dict(), "subtitles": subtitles})
    return Resolution("unavailable", message=MESSAGE_HOST_NOT_ALLOWED)


def adapter_for(provider: str) -> Adapter:
    """The provider's adapter, by how the registry says its pages are read."""
    if reader_of(provider) == "playerjs":
        return PlayerJSAdapter(provider)
    return Adapter()
