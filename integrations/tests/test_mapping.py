"""Each mapping turns recorded source JSON into the normalised record, quirks included."""

import datetime as dt
import logging

from integrations.importers.records import TitleRecord
from integrations.providers.anilist import mapping as anilist
from integrations.providers.hikka import mapping as hikka
from integrations.providers.jikan import mapping as jikan
from integrations.providers.kitsu import mapping as kitsu
from integrations.providers.mangadex import mapping as mangadex
from integrations.providers.values import rich_text_from_html, score_0_10
from integrations.tests.recorded import load


def test_jikan_airing_anime():
    record = jikan.map_title(load("jikan/anime_52991_full")["data"], "anime")
    assert record.external_id == "52991"
    assert record.external_ids == {"mal": 52991}
    assert record.title_en == "Frieren: Beyond Journey's End"
    assert record.title_romaji == "Sousou no Frieren"
    assert record.title_native == "葬送のフリーレン"
    assert record.synonyms == ["Frieren at the Funeral", "Frieren The Slayer"]
    assert record.format == "tv" and record.status == "ongoing"
    assert record.episodes_total is None  # airing: unknown yet
    assert record.episode_duration == 24
    assert record.start_date == dt.date(2023, 9, 29) and record.end_date is None
    assert (record.season, record.year) == ("fall", 2023)
    # "Adventure" comes twice (genres and, lower-case with a space, themes).
    assert record.genres == ["Adventure", "Drama", "Fantasy", "Shounen"]
    assert record.studios == ["Madhouse"]
    assert record.age_rating == "pg13"
    assert record.external_score == 9.31
    assert record.poster_url.endswith("138006l.jpg")
    assert record.description.startswith("<p>During their decade-long quest")
    assert "Written by MAL Rewrite" not in record.description
    assert (record.broadcast_weekday, record.broadcast_time) == (4, dt.time(23, 0))
    assert record.broadcast_timezone == "Asia/Tokyo"


def test_jikan_quirks_fall_back_safely(caplog):
    with caplog.at_level(logging.WARNING, logger="integrations.mapping"):
        record = jikan.map_title(load("jikan/anime_60001_quirks")["data"], "anime")
    assert record.format == "tv" and record.status == "announced"
    assert "Radio Drama" in caplog.text and "Rumoured" in caplog.text
    assert record.title_en == "" and record.title_native == "君の声"
    assert record.display_title == "Kimi no Koe"
    assert record.poster_url == ""  # MAL's question-mark placeholder is no poster
    assert record.start_date is None and record.year == 2026  # year-only date
    assert record.genres == [] and record.studios == []
    assert record.external_score is None and record.episode_duration is None
    assert record.broadcast_weekday is None and record.description == ""


def test_jikan_manga_and_episodes():
    record = jikan.map_title(load("jikan/manga_2_full")["data"], "manga")
    assert (record.kind, record.format, record.status) == ("manga", "manga", "paused")
    assert record.studios == ["Young Animal"]
    assert record.start_date == dt.date(1989, 8, 25)
    episodes = [jikan.map_episode(e) for e in load("jikan/episodes_52991_p2")["data"]]
    assert episodes[0].number == 3
    assert episodes[0].title == "Ningen o Korosu Mahou" and episodes[0].air_date is None


def test_anilist_media_sanitises_html_and_reads_airing():
    record = anilist.map_title(load("anilist/media_154587")["data"]["Media"], "anime")
    assert record.external_ids == {"anilist": 154587, "mal": 52991}
    assert record.genres == ["Adventure", "Drama", "Fantasy"]
    assert record.synonyms == ["Frieren at the Funeral", "Фрірен"]
    assert record.studios == ["MADHOUSE"]  # Aniplex is a producer, not a studio
    assert record.external_score == 9.1
    assert record.next_episode_number == 29
    assert record.next_episode_at == dt.datetime(2025, 11, 28, 14, 0, tzinfo=dt.UTC)
    assert "<script" not in record.description and "javascript:" not in record.description
    assert "Source: Crunchyroll" not in record.description
    assert record.description.startswith("<p>The adventure is over")
    assert "<i>Frieren</i>" in record.description and "<b>defeated</b>" in record.description
    assert record.description.count("<p>") == 2


def test_anilist_quirks(caplog):
    with caplog.at_level(logging.WARNING, logger="integrations.mapping"):
        record = anilist.map_title(load("anilist/media_quirks")["data"]["Media"], "manga")
    assert record.format == "manhwa"  # unknown format, Korean origin
    assert record.status == "announced" and "UNKNOWN_STATUS" in caplog.text
    assert record.start_date is None and record.year == 2018
    assert record.external_ids == {"anilist": 170000}
    assert record.display_title == "나 혼자만 레벨업"
    assert record.genres == [] and record.poster_url == "" and record.description == ""


def test_kitsu_strings_included_and_mappings():
    body = load("kitsu/anime_46474")
    record = kitsu.map_title(body["data"], body["included"], "anime")
    assert record.external_score == 9.04  # "90.41" on 0–100
    assert record.genres == ["Adventure", "Fantasy"]
    assert record.studios == ["Madhouse"]  # Aniplex is a producer
    assert record.external_ids == {"kitsu": "46474", "mal": 52991, "anilist": 154587}
    assert record.synonyms == ["Frieren"]
    assert (record.format, record.status, record.age_rating) == ("tv", "finished", "pg")
    assert record.description == (
        "<p>The demon king has been defeated.</p><p>Frieren sets out again.</p>"
    )
    assert record.poster_url.endswith("/46474/poster_image/1.jpeg")


def test_kitsu_quirks():
    record = kitsu.map_title(load("kitsu/anime_quirks")["data"], None, "anime")
    assert record.external_score is None and record.poster_url == ""
    assert record.title_romaji == "Kimi no Koe" and record.title_native == "君の声"
    assert record.start_date is None and record.year == 2026
    assert (record.format, record.status, record.age_rating) == ("tv", "announced", "")
    assert record.episode_duration is None


def test_mangadex_manga_and_chapters():
    record = mangadex.map_title(load("mangadex/manga_solo")["data"])
    assert record.title_uk == "Тільки я змінюю рівень"
    assert record.title_en == "Solo Leveling" and record.title_native == "나 혼자만 레벨업"
    assert record.title_romaji == "Na Honjaman Rebeleop"
    assert record.format == "manhwa" and record.status == "finished"
    assert record.genres == ["Action", "Fantasy", "Monsters"]
    assert record.external_ids == {
        "mangadex": "32d76d19-8a05-4db0-9fc2-e0b0648fe9d0",
        "mal": 121496,
        "anilist": 105398,
    }
    assert record.poster_url == (
        "https://uploads.mangadex.org/covers/32d76d19-8a05-4db0-9fc2-e0b0648fe9d0/"
        "e90bdc47-c8b9-4df7-b2c0-17641b645ee1.jpg"
    )
    assert record.description_uk == "<p>Десять років тому відкрилися Ворота.</p>"
    chapters = [mangadex.map_chapter(c) for c in load("mangadex/feed_solo_uk")["data"]]
    assert [c.number for c in chapters] == ["1", "1.5", "2"]
    assert chapters[0].translator == "Світ манґи" and chapters[0].volume == "1"
    assert chapters[2].mangadex_chapter_id == "" and chapters[2].external_url


def test_hikka_ukrainian_names():
    record = hikka.map_title(load("hikka/anime_sousou"), "anime")
    assert record.title_uk == "Фрірен, що проводжає в останню путь"
    assert record.description_uk.startswith("<p>Ельфійка-чарівниця")
    assert record.external_ids == {"hikka": "sousou-no-frieren-7ef3fb", "mal": 52991}
    assert record.genre_names_uk == {"Adventure": "Пригоди", "Fantasy": "Фентезі"}


def test_record_json_round_trip():
    record = anilist.map_title(load("anilist/media_154587")["data"]["Media"], "anime")
    assert TitleRecord.from_json(record.to_json()) == record


def test_helpers():
    assert score_0_10("82.65", 100) == 8.27 and score_0_10("n/a", 100) is None
    assert score_0_10(0, 10) is None
    assert rich_text_from_html('<p onclick="x">a</p><style>p{}</style><em>b</em>') == (
        "<p>a</p><p><i>b</i></p>"
    )
