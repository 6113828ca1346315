"""The normalised record every provider mapping produces, whatever the source's JSON looks like.

Values are already in our vocabulary (DESIGN.md): ``format`` and ``status`` use the page choices,
``season`` is winter/spring/summer/fall, ``external_score`` is 0–10, ``episode_duration`` is in
minutes, dates are ``datetime.date`` or None (a partial date such as a year alone leaves the date
empty and keeps ``year``), genres and studios are English names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field


@dataclass
class TitleRecord:
    source: str
    kind: str  # anime | manga
    external_id: str
    title_uk: str = ""
    title_en: str = ""
    title_romaji: str = ""
    title_native: str = ""
    synonyms: list[str] = field(default_factory=list)
    description: str = ""  # sanitised rich-text HTML
    description_uk: str = ""
    format: str = ""
    status: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    season: str = ""
    year: int | None = None
    episodes_total: int | None = None
    episode_duration: int | None = None
    chapters_total: int | None = None
    genres: list[str] = field(default_factory=list)
    genre_names_uk: dict = field(default_factory=dict)  # English name → Ukrainian (Hikka)
    studios: list[str] = field(default_factory=list)
    age_rating: str = ""
    external_score: float | None = None
    poster_url: str = ""
    external_ids: dict = field(default_factory=dict)
    # Broadcast schedule of airing anime (Jikan `broadcast`, AniList `nextAiringEpisode`).
    broadcast_weekday: int | None = None  # 0 = Monday
    broadcast_time: dt.time | None = None
    broadcast_timezone: str = ""
    next_episode_number: int | None = None
    next_episode_at: dt.datetime | None = None

    @property
    def mal_id(self) -> int | None:
        value = self.external_ids.get("mal")
        return int(value) if value not in (None, "") else None

    @property
    def display_title(self) -> str:
        """The best name we have, Ukrainian first (a page title may not be empty)."""
        return (
            self.title_uk
            or self.title_en
            or self.title_romaji
            or self.title_native
            or f"{self.source} {self.external_id}"
        )

    def to_json(self) -> dict:
        data = dataclasses.asdict(self)
        for key, value in data.items():
            if isinstance(value, (dt.date, dt.time, dt.datetime)):
                data[key] = value.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> TitleRecord:
        known = {f.name: f for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key, parse in (
            ("start_date", dt.date.fromisoformat),
            ("end_date", dt.date.fromisoformat),
            ("broadcast_time", dt.time.fromisoformat),
            ("next_episode_at", dt.datetime.fromisoformat),
        ):
            if values.get(key):
                values[key] = parse(values[key])
        return cls(**values)


@dataclass
class EpisodeRecord:
    number: int
    title: str = ""
    air_date: dt.date | None = None


@dataclass
class ChapterRecord:
    number: str  # "10" or "10.5"
    volume: str = ""
    title: str = ""
    language: str = "uk"
    mangadex_chapter_id: str = ""
    translator: str = ""
    external_url: str = ""


def payload_hash(payload) -> str:
    """A stable hash of a raw payload, to skip unchanged imports."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
