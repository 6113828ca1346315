"""MyAnimeList import of a recorded export (plain and gzip, with ids we do not have) and the
export written back in MAL's format; hostile files are a 400, never a 500."""

import gzip
from pathlib import Path

import pytest
from defusedxml import ElementTree
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.catalog.models import TitlePage
from config.tests.test_api_errors import assert_error
from library.models import ListEntry

from .conftest import put_json

EXPORT = (Path(__file__).parent / "fixtures" / "animelist_mal.xml").read_bytes()
IMPORT = "/api/me/list/import/"


def upload(client, data: bytes, name: str = "animelist.xml"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def mal_titles(make_anime, make_manga):
    """Three of the export's five anime (one id stored as text), and a manga sharing an id."""
    return {
        "fma": make_anime("fma", external_ids={"mal": 5114}),
        "frieren": make_anime("frieren", external_ids={"mal": "52991"}),
        "aot": make_anime("aot", external_ids={"mal": 16498}),
        "manga": make_manga("bebop-manga", external_ids={"mal": 1}),
    }


@pytest.mark.parametrize("compress", [False, True])
def test_import_matches_by_mal_id_and_reports_the_rest(signed_in, user, mal_titles, compress):
    data = gzip.compress(EXPORT) if compress else EXPORT
    response = upload(signed_in, data, "animelist.xml.gz" if compress else "animelist.xml")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "imported": 3,
        "updated": 0,
        "unmatched": [
            {"mal_id": 59999, "title": "Kimi to Boku no Saigo no Senjou & Sekai"},
            {"mal_id": 1, "title": "Cowboy Bebop"},  # a manga has id 1, not an anime
        ],
    }
    entries = {
        entry.title_id: (entry.status, entry.score) for entry in ListEntry.objects.filter(user=user)
    }
    assert entries == {
        mal_titles["fma"].pk: ("completed", 10),
        mal_titles["frieren"].pk: ("watching", None),
        mal_titles["aot"].pk: ("dropped", 6),
    }
    fma = TitlePage.objects.get(pk=mal_titles["fma"].pk)
    assert (float(fma.rating), fma.rating_count) == (10.0, 1)


def test_import_is_idempotent_and_updates_what_changed(signed_in, user, mal_titles):
    upload(signed_in, EXPORT)
    again = upload(signed_in, EXPORT).json()
    assert (again["imported"], again["updated"]) == (0, 0)
    put_json(signed_in, f"/api/me/list/{mal_titles['aot'].pk}/", {"status": "watching"})
    put_json(signed_in, f"/api/me/list/{mal_titles['frieren'].pk}/", {"score": 8})
    third = upload(signed_in, EXPORT).json()
    # AoT goes back to dropped; Frieren keeps our 8, MAL's 0 is "no score".
    assert (third["imported"], third["updated"]) == (0, 1)
    assert ListEntry.objects.get(user=user, title=mal_titles["frieren"]).score == 8
    assert ListEntry.objects.get(user=user, title=mal_titles["aot"]).status == "dropped"


def test_export_round_trips_through_the_import(signed_in, user, mal_titles, make_user):
    upload(signed_in, EXPORT)
    response = signed_in.get("/api/me/list/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert "attachment" in response["Content-Disposition"]
    root = ElementTree.fromstring(response.content)
    assert root.tag == "myanimelist"
    assert root.findtext("myinfo/user_total_anime") == "3"
    rows = {
        item.findtext("series_animedb_id"): (item.findtext("my_status"), item.findtext("my_score"))
        for item in root.iter("anime")
    }
    assert rows == {
        "5114": ("Completed", "10"),
        "52991": ("Watching", "0"),
        "16498": ("Dropped", "6"),
    }

    other = make_user("other")
    signed_in.force_login(other)
    assert upload(signed_in, response.content).json()["imported"] == 3
    mine = ListEntry.objects.filter(user=user).values_list("title_id", "status", "score")
    theirs = ListEntry.objects.filter(user=other).values_list("title_id", "status", "score")
    assert sorted(mine) == sorted(theirs)


def test_manga_export_uses_the_manga_words(signed_in, mal_titles):
    put_json(signed_in, f"/api/me/list/{mal_titles['manga'].pk}/", {"status": "planned"})
    root = ElementTree.fromstring(signed_in.get("/api/me/list/export/?kind=manga").content)
    assert [
        (m.findtext("manga_mangadb_id"), m.findtext("my_status")) for m in root.iter("manga")
    ] == [("1", "Plan to Read")]
    assert_error(signed_in.get("/api/me/list/export/?kind=novel"), 400, "kind")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<myanimelist>&lol2;</myanimelist>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><myanimelist>&e;</myanimelist>"""


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not xml at all",
        b"<html><body>hi</body></html>",
        BILLION_LAUGHS,
        EXTERNAL,
        b"\x1f\x8b\x08\x00broken gzip",
        gzip.compress(b"<myanimelist>" + b" " * (51 * 1024 * 1024) + b"</myanimelist>"),
    ],
)
def test_bad_files_are_400(signed_in, mal_titles, data):
    assert_error(upload(signed_in, data), 400, "file")
    assert not ListEntry.objects.exists()


def test_import_without_a_file_is_400(signed_in):
    assert_error(signed_in.post(IMPORT, {}), 400, "file")
