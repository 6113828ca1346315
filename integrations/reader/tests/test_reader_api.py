"""`GET /api/reader/chapters/<id>/` end to end: MangaDex chapters resolved at read time and
cached, both qualities, unavailable chapters answered with a message and the source, editors'
external pages, hostile input, one at-home request per chapter under concurrency, and the image
relay (off by default)."""

import pytest

from integrations.reader import services

from .conftest import CHAPTER_ID, recorded

PATH = f"/at-home/server/{CHAPTER_ID}"
BASE = "https://cmdxd98sb0x3yprd.mangadex.network"
PAGE = "https://s2.mangadex.network/data/abc/1.png"


def read(client, chapter, **params):
    return client.get(f"/api/reader/chapters/{chapter.pk}/", params)


@pytest.fixture
def chapters(manga, make_chapter, make_team):
    team = make_team("svit-mangy", "Світ манґи")
    return {
        1: make_chapter(manga, 1, volume=1, page_urls=[PAGE], translator_name="Lonely Scans"),
        2: make_chapter(
            manga, 2, volume=1, title="Тінь", mangadex_chapter_id=CHAPTER_ID, translator=team
        ),
        3: make_chapter(manga, "3.5", source_url="https://scans.example/solo/3-5"),
    }


@pytest.mark.django_db
def test_mangadex_chapter_pages_neighbours_and_source(client, mangadex, chapters):
    server = mangadex({PATH: recorded("mangadex/at_home_chapter_1")})
    response = read(client, chapters[2])
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    body = response.json()
    assert body["chapter"]["id"] == chapters[2].pk
    assert (body["chapter"]["number"], body["chapter"]["volume"]) == ("2.00", 1)
    assert (body["chapter"]["title"], body["chapter"]["language"]) == ("Тінь", "uk")
    assert body["chapter"]["translator"]["slug"] == "svit-mangy"
    assert [p["url"].split("/")[3:5] for p in body["pages"]] == [
        ["data", "3303dd03ac8d27452cce3f2a882e94b2"]
    ] * 3
    assert all(p["url"].startswith(BASE) and p["width"] is None for p in body["pages"])
    assert body["previous"]["url"] == "/manga/solo/1/" and body["next"]["url"] == "/manga/solo/3-5/"
    assert body["source_url"] == f"https://mangadex.org/chapter/{CHAPTER_ID}"
    assert body["message"] is None

    saver = read(client, chapters[2], quality="data-saver").json()
    assert all("/data-saver/" in p["url"] and p["url"].endswith(".jpg") for p in saver["pages"])
    assert server.hits == [PATH]  # both qualities and the second view came from the cache


@pytest.mark.django_db
def test_editor_pages_and_external_chapters(client, chapters, settings):
    body = read(client, chapters[1]).json()
    assert [p["url"] for p in body["pages"]] == [PAGE]
    assert body["chapter"]["translator"] == "Lonely Scans"
    assert body["previous"] is None and body["source_url"] is None and body["message"] is None

    external = read(client, chapters[3]).json()
    assert external["pages"] == [] and external["next"] is None
    assert external["message"] == services.MESSAGE_EXTERNAL
    assert external["source_url"] == "https://scans.example/solo/3-5"

    settings.READER_IMAGE_HOSTS = ["uploads.mangadex.org"]  # the host left the allowlist
    moved = read(client, chapters[1]).json()
    assert moved["pages"] == [] and moved["message"] == services.MESSAGE_HOST


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "name", "headers", "message"),
    [
        (404, "mangadex/at_home_not_found", {}, services.MESSAGE_GONE),
        (429, "mangadex/at_home_rate_limited", {"Retry-After": "20"}, services.MESSAGE_BUSY),
        (503, "mangadex/at_home_not_found", {}, services.MESSAGE_DOWN),
    ],
)
def test_unavailable_chapter_says_why_and_links_the_source(
    client, mangadex, chapters, status, name, headers, message
):
    server = mangadex({PATH: recorded(name, status=status, headers=headers)})
    for _ in range(2):
        body = read(client, chapters[2]).json()
        assert body["pages"] == [] and body["message"] == message
        assert body["source_url"] == f"https://mangadex.org/chapter/{CHAPTER_ID}"
        assert body["next"]["url"] == "/manga/solo/3-5/"
    assert server.hits == [PATH]  # the failure is cached too


@pytest.mark.django_db
def test_a_timeout_answers_in_time_with_a_message(client, mangadex, chapters, reader_settings):
    reader_settings.READER_TIMEOUT = 0.5
    mangadex({PATH: recorded("mangadex/at_home_chapter_1", delay=3)})
    body = read(client, chapters[2]).json()
    assert body["pages"] == [] and body["message"] == services.MESSAGE_DOWN


@pytest.mark.django_db
def test_cache_lives_less_than_the_at_home_urls(client, mangadex, chapters, reader_settings):
    reader_settings.READER_CACHE_TTL = 3600  # set too long by hand: still below 15 minutes
    mangadex({PATH: recorded("mangadex/at_home_chapter_1")})
    state, ttl = services._resolve(CHAPTER_ID)
    assert state["kind"] == "ok" and ttl < 15 * 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status", "parameter"),
    [
        (
            "/api/reader/chapters/{id}/?quality=<script>alert(1)</script>" + "x" * 300,
            400,
            "quality",
        ),
        ("/api/reader/chapters/{id}/?quality=DATA", 400, "quality"),
        ("/api/reader/chapters/99999999999999999999999/", 404, None),
        ("/api/reader/chapters/2147483647/", 404, None),
        ("/api/reader/chapters/-1/", 404, None),
        ("/api/reader/chapters/abc/", 404, None),
        ("/api/reader/chapters/{id}/pages/0/", 404, None),  # the relay is off by default
        ("/api/reader/chapters/{id}/pages/99999999999999999999/", 404, None),
    ],
)
def test_hostile_input_is_a_json_4xx(client, chapters, path, status, parameter):
    response = client.get(path.replace("{id}", str(chapters[1].pk)))
    assert response.status_code == status
    body = response.json()
    assert set(body) <= {"detail", "parameter"} and body["detail"]
    assert body.get("parameter") == parameter
    assert "<script>" not in body["detail"] or len(body["detail"]) < 200


@pytest.mark.django_db
def test_unpublished_chapter_and_other_methods(client, chapters):
    chapters[1].unpublish()
    assert read(client, chapters[1]).status_code == 404
    response = client.post(f"/api/reader/chapters/{chapters[2].pk}/")
    assert response.status_code == 405 and "detail" in response.json()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_readers_cause_one_at_home_request(manga, make_chapter, mangadex, at_once):
    chapter = make_chapter(manga, 1, mangadex_chapter_id=CHAPTER_ID)
    server = mangadex({PATH: recorded("mangadex/at_home_chapter_1", delay=0.4)})
    results = at_once([lambda: services.chapter_pages(chapter)[0]] * 6)
    assert server.hits == [PATH]
    assert all(len(pages) == 3 for pages in results)


@pytest.mark.django_db
def test_image_relay_when_settings_say_so(client, manga, make_chapter, mangadex, reader_settings):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    image_server = mangadex(
        {
            "/data/h/1.png": lambda r: _bytes(r, png, "image/png"),
            "/data/h/2.svg": lambda r: _bytes(r, b"<svg onload='alert(1)'/>", "image/svg+xml"),
        }
    )
    reader_settings.READER_IMAGE_HOSTS = ["127.0.0.1"]
    urls = [f"{image_server.base}/data/h/1.png", f"{image_server.base}/data/h/2.svg"]
    chapter = make_chapter(manga, 1, page_urls=urls)
    assert [p["url"] for p in read(client, chapter).json()["pages"]] == urls  # off: direct

    reader_settings.READER_PROXY_IMAGES = True
    body = read(client, chapter, quality="data-saver").json()
    relayed = [p["url"] for p in body["pages"]]
    assert relayed == [
        f"/api/reader/chapters/{chapter.pk}/pages/0/?quality=data-saver",
        f"/api/reader/chapters/{chapter.pk}/pages/1/?quality=data-saver",
    ]
    image = client.get(relayed[0])
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert image.content == png
    assert client.get(relayed[1]).status_code == 404  # never an SVG from our origin
    assert client.get(f"/api/reader/chapters/{chapter.pk}/pages/2/").status_code == 404


def _bytes(request, body: bytes, content_type: str):
    request.send_response(200)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


@pytest.mark.django_db
def test_schema_documents_the_reader(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/reader/chapters/{id}/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"id", "quality"}
    assert set(operation["responses"]) == {"200", "400", "404"}
    reader = schema["components"]["schemas"]["Reader"]["properties"]
    assert set(reader) == {"chapter", "pages", "previous", "next", "source_url", "message"}
