"""Parsing of PlayerJS iframe pages (the player most Ukrainian dub hosts embed).

A PlayerJS page configures the player with an object literal whose ``file`` key holds one of:
a single stream URL, a quality list ``[1080p]url,[720p]url``, or a JSON playlist of episodes
and voices (``[{"title": "Серія 1", "folder": [{"title": "Team", "file": "…"}]}]``). The
functions here only read text; fetching and host checks live in ``adapters``.

The page comes from someone else, so the reading is bounded: at most ``MAX_CANDIDATES`` places
a key is tried, ``MAX_SCAN_STEPS`` tokens scanned for brackets per page, playlists
``MAX_PLAYLIST_DEPTH`` folders deep and ``MAX_PLAYLIST_ITEMS`` items long. A page past a bound
is "not found" (the visitor gets the iframe), never a slow worker.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

MAX_CANDIDATES = 8
MAX_SCAN_STEPS = 200_000
MAX_PLAYLIST_DEPTH = 6
MAX_PLAYLIST_ITEMS = 5_000


class PlayerConfigNotFound(ValueError):
    """The page holds no PlayerJS config we can read (obfuscated, changed layout, not a player)."""


@dataclass(frozen=True)
class LabelledUrl:
    """One entry of a PlayerJS ``[label]url`` list (a quality or a subtitle track)."""

    label: str
    url: str

    @property
    def height(self) -> int | None:
        match = re.search(r"(\d{3,4})", self.label)
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class PlaylistItem:
    """A playable leaf of a PlayerJS playlist with the titles of the folders above it."""

    titles: tuple[str, ...]
    file: str
    subtitle: str = ""


@dataclass
class PlayerConfig:
    """What a PlayerJS page offers: a single file (maybe a quality list) or a playlist."""

    file: str = ""
    subtitle: str = ""
    playlist: list[PlaylistItem] = field(default_factory=list)


_STRING_END = {'"': re.compile(r'["\\]'), "'": re.compile(r"['\\]")}
_KEY_PATTERN = r"""(?<![\w-])["']?{key}["']?\s*:\s*"""
_JS_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "/": "/",
    "\\": "\\",
    '"': '"',
    "'": "'",
}


class _Budget:
    """Scan steps left for one page: every bracket read of the page draws on it."""

    def __init__(self, steps: int = MAX_SCAN_STEPS):
        self.steps = steps

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise PlayerConfigNotFound("page too complex to read")


def _read_js_string(text: str, start: int, budget: _Budget) -> str:
    """Read the JS string literal opening at ``text[start]`` and return its decoded value."""
    quote = text[start]
    out: list[str] = []
    i = start + 1
    while True:
        budget.spend()
        stop = _STRING_END[quote].search(text, i)
        if stop is None:
            raise PlayerConfigNotFound("unterminated string literal")
        out.append(text[i : stop.start()])
        i = stop.end()
        if stop.group() == quote:
            return "".join(out)
        nxt = text[i : i + 1]  # after a backslash
        if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 1 : i + 5]):
            out.append(chr(int(text[i + 1 : i + 5], 16)))
            i += 5
        elif nxt:
            out.append(_JS_ESCAPES.get(nxt, nxt))
            i += 1


_BRACKET_TOKEN = re.compile(r"[\"'\[\]{}]")


def _read_bracketed(text: str, start: int, budget: _Budget) -> str:
    """Return the balanced ``[...]`` or ``{...}`` block opening at ``text[start]``."""
    pairs = {"[": "]", "{": "}"}
    stack: list[str] = []
    i = start
    while True:
        budget.spend()
        token = _BRACKET_TOKEN.search(text, i)
        if token is None:
            raise PlayerConfigNotFound("unbalanced brackets")
        char, i = token.group(), token.end()
        if char in "\"'":
            # Skip over string contents so brackets inside titles do not count.
            while True:
                budget.spend()
                end = _STRING_END[char].search(text, i)
                if end is None:
                    raise PlayerConfigNotFound("unterminated string literal")
                i = end.end() + (1 if end.group() == "\\" else 0)
                if end.group() == char:
                    break
        elif char in pairs:
            stack.append(pairs[char])
        elif stack and char == stack[-1]:
            stack.pop()
            if not stack:
                return text[start:i]


def _read_value(text: str, key: str, budget: _Budget) -> str | list | None:
    """Find ``key: value`` in a JS object literal; a string or a parsed JSON array."""
    matches = re.finditer(_KEY_PATTERN.format(key=key), text)
    for _, match in zip(range(MAX_CANDIDATES), matches, strict=False):
        pos = match.end()
        if pos >= len(text):
            continue
        char = text[pos]
        if char in "\"'":
            return _read_js_string(text, pos, budget)
        if char == "[":
            try:
                return json.loads(_read_bracketed(text, pos, budget))
            except (ValueError, RecursionError):
                continue
    return None


def _player_config_text(html: str, budget: _Budget) -> str:
    """Narrow the page to the ``new Playerjs({...})`` call when there is one."""
    match = re.search(r"new\s+Playerjs\s*\(\s*\{", html)
    if not match:
        return html
    try:
        return _read_bracketed(html, match.end() - 1, budget)
    except PlayerConfigNotFound:
        return html[match.start() :]


def _flatten_playlist(
    items: list, titles: tuple[str, ...] = (), leaves: list[PlaylistItem] | None = None
) -> list[PlaylistItem]:
    leaves = [] if leaves is None else leaves
    if len(titles) >= MAX_PLAYLIST_DEPTH:
        return leaves  # deeper folders than any real player has
    for item in items:
        if len(leaves) >= MAX_PLAYLIST_ITEMS:
            break
        if not isinstance(item, dict):
            continue
        path = titles + (str(item.get("title") or item.get("comment") or ""),)
        folder = item.get("folder") or item.get("playlist")
        if isinstance(folder, list):
            _flatten_playlist(folder, path, leaves)
        elif isinstance(item.get("file"), str) and item["file"].strip():
            leaves.append(PlaylistItem(path, item["file"].strip(), str(item.get("subtitle") or "")))
    return leaves


def parse_player_page(html: str) -> PlayerConfig:
    """Extract the PlayerJS config of an iframe page; raise ``PlayerConfigNotFound`` if absent."""
    budget = _Budget()
    config_text = _player_config_text(html, budget)
    value = _read_value(config_text, "file", budget)
    subtitle = _read_value(config_text, "subtitle", budget)
    subtitle = subtitle if isinstance(subtitle, str) else ""
    if isinstance(value, str) and value.lstrip().startswith("[{"):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError) as exc:
            raise PlayerConfigNotFound("broken JSON playlist") from exc
    if isinstance(value, list):
        playlist = _flatten_playlist(value)
        if not playlist:
            raise PlayerConfigNotFound("empty playlist")
        return PlayerConfig(playlist=playlist, subtitle=subtitle)
    if isinstance(value, str) and value.strip() and not value.startswith("#"):
        # PlayerJS "#2…"/"#3…" values are obfuscated; we do not try to decode them.
        return PlayerConfig(file=value.strip(), subtitle=subtitle)
    raise PlayerConfigNotFound("no file in player config")


def parse_labelled_list(value: str, base_url: str = "") -> list[LabelledUrl]:
    """Split ``[1080p]url,[720p]url`` (or a bare URL) into labelled absolute URLs.

    PlayerJS lets one entry hold fallbacks (``url1 or url2``); the first one is kept.
    """
    entries = re.split(r",(?=\s*\[)", value.strip()) if value.strip() else []
    result: list[LabelledUrl] = []
    for entry in entries:
        match = re.match(r"\s*\[([^\]]*)\]\s*(.+)", entry)
        label, url = (match.group(1).strip(), match.group(2)) if match else ("", entry)
        url = url.split(" or ")[0].strip()
        if url:
            result.append(LabelledUrl(label, absolute_url(url, base_url)))
    return result


def absolute_url(url: str, base_url: str) -> str:
    """Resolve protocol-relative and relative URLs against the iframe page URL."""
    if url.startswith("//"):
        return "https:" + url
    return urljoin(base_url, url) if base_url else url


_EPISODE_PATTERNS = (
    re.compile(r"(?:серія|серия|епізод|эпизод|episode|ep\.?)\s*№?\s*(\d+)", re.IGNORECASE),
    re.compile(r"(\d+)\s*(?:-?[аяй])?\s*(?:серія|серия|епізод|эпизод|episode)", re.IGNORECASE),
)
_ORIGINAL_VOICE = re.compile(r"оригінал|оригинал|original|japanese|японськ|субтитр", re.IGNORECASE)


def episode_number_of(title: str) -> int | None:
    """The episode number a playlist title names ("Серія 5", "5 серія", "Episode 5")."""
    for pattern in _EPISODE_PATTERNS:
        match = pattern.search(title)
        if match:
            return int(match.group(1))
    return None


def _normalise(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def select_playlist_item(
    playlist: list[PlaylistItem], episode_number: int, team_names: list[str]
) -> PlaylistItem | None:
    """Pick this episode's item voiced by this team, or ``None`` when it is not certain.

    Episodes are matched by the number in a folder title (a playlist without episode titles is
    a single film). With a team, an item whose path names the team wins; a lone candidate is
    accepted (a team's own page rarely names the team). Without a team (the original audio),
    a lone candidate or one titled as the original is taken. Anything else is ambiguous: we
    would rather show the provider's iframe than another team's dub.
    """
    numbered = [item for item in playlist if _item_episode(item) is not None]
    candidates = (
        [i for i in numbered if _item_episode(i) == episode_number] if numbered else playlist
    )
    if not candidates:
        return None
    wanted = [_normalise(name) for name in team_names if _normalise(name)]
    if wanted:
        voiced = [
            item
            for item in candidates
            if any(w in _normalise(title) for title in item.titles for w in wanted)
        ]
        if voiced:
            return voiced[0]
    elif len(candidates) > 1:
        originals = [i for i in candidates if any(_ORIGINAL_VOICE.search(t) for t in i.titles)]
        return originals[0] if len(originals) == 1 else None
    return candidates[0] if len(candidates) == 1 else None


def _item_episode(item: PlaylistItem) -> int | None:
    for title in item.titles:
        number = episode_number_of(title)
        if number is not None:
            return number
    return None
