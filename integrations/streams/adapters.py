"""Provider adapters: turn one stored video source into what our player can play.

``direct`` sources already are HLS (a master playlist, or one playlist per quality). The iframe
providers of Ukrainian dub teams (ashdi, tortuga, moonanime, csst, and a generic ``iframe``)
embed PlayerJS: we fetch the iframe page server-side, read the stream from its config and hand
HLS to our player, falling back to the iframe when the page cannot be read. Every URL we return
passes the host allowlist of ``cms.anime.stream_hosts``; a stream on any other host is dropped.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from cms.anime.stream_hosts import is_allowed_stream_url

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

    def resolve_iframe(self, source: SourceSpec) -> Resolution:
        fallback = Resolution("iframe", iframe_url=source.url)
        try:
            response = httpx.get(
                source.url,
                timeout=getattr(settings, "STREAM_PROVIDER_TIMEOUT", 3.0),
                follow_redirects=True,
                headers={"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AniHata/1.0"},
            )
        except httpx.TimeoutException:
            # Slow for us is not necessarily slow for the visitor: let the browser try the iframe.
            logger.info("provider %s timed out for source %s", self.name, source.id)
            return fallback
        except httpx.HTTPError as exc:
            logger.info("provider %s failed for source %s: %s", self.name, source.id, exc)
            return fallback
        if response.status_code >= 500:
            return Resolution("unavailable", iframe_url=source.url, message=MESSAGE_PROVIDER_DOWN)
        if response.status_code in (404, 410):
            return Resolution("unavailable", iframe_url=source.url, message=MESSAGE_GONE)
        if response.status_code >= 400:
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
        resolution = self.from_config(config, source, str(response.url))
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


PLAYERJS_PROVIDERS = ("ashdi", "tortuga", "moonanime", "csst", "iframe")
ADAPTERS: dict[str, Adapter] = {"direct": Adapter()}
ADAPTERS.update({name: PlayerJSAdapter(name) for name in PLAYERJS_PROVIDERS})


def adapter_for(provider: str) -> Adapter:
    """The provider's adapter; unknown providers get the generic PlayerJS one."""
    return ADAPTERS.get(provider) or PlayerJSAdapter(provider)
