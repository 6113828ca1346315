"""`/api/me/reading/`: where a signed-in reader stopped in a manga chapter."""

import pytest
from django.test import Client

from library.models import ListEntry, ReadingPosition

pytestmark = pytest.mark.django_db


@pytest.fixture
def manga(make_manga, make_chapter):
    title = make_manga("berserk", title="Берсерк")
    chapters = [
        make_chapter(title, number, mangadex_chapter_id=f"md-{number}") for number in (1, 2)
    ]
    return title, chapters


def url(chapter_id=None) -> str:
    return f"/api/me/reading/{chapter_id}/" if chapter_id else "/api/me/reading/"


def put(client, chapter_id, **data):
    return client.put(url(chapter_id), data, content_type="application/json")


def test_position_is_saved_and_read_back_and_listed_by_title(signed_in, manga):
    title, (first, second) = manga
    assert signed_in.get(url(first.id)).status_code == 404  # not read yet
    response = put(signed_in, first.id, page=4, total=20)
    assert response.status_code == 200
    body = signed_in.get(url(first.id)).json()
    assert (body["page"], body["total"], body["completed"]) == (4, 20, False)
    assert body["chapter"] == {
        "id": first.id,
        "number": "1.00",
        "title": "Розділ 1",
        "url": "/manga/berserk/1/",
    }
    put(signed_in, first.id, page=7, total=20)
    put(signed_in, second.id, page=0, total=15)
    listed = signed_in.get(url(), {"title": title.id}).json()["items"]
    assert [(item["chapter"]["id"], item["page"]) for item in listed] == [
        (second.id, 0),
        (first.id, 7),
    ]
    assert ReadingPosition.objects.count() == 2
    assert signed_in.get(url(first.id)).headers["Cache-Control"] == "private, no-store"


def test_reading_a_chapter_to_the_end_puts_the_manga_in_the_list(signed_in, manga, user):
    title, (first, _) = manga
    put(signed_in, first.id, page=3, total=20)
    assert not ListEntry.objects.exists()
    put(signed_in, first.id, page=19, total=20, completed=True)
    assert ListEntry.objects.get(user=user, title=title).status == "watching"
    put(signed_in, first.id, page=2, total=20)  # reading it again keeps it completed
    assert signed_in.get(url(first.id)).json()["completed"] is True


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"page": -1, "total": 5}, "page"),
        ({"page": "x", "total": 5}, "page"),
        ({"page": 5, "total": 5}, "page"),
        ({"page": 1}, "total"),
        ({"page": 1, "total": 0}, "total"),
        ({"page": 1, "total": 5, "completed": "maybe"}, "completed"),
    ],
)
def test_bad_position_is_400(signed_in, manga, data, field):
    response = put(signed_in, manga[1][0].id, **data)
    assert response.status_code == 400
    assert response.json()["parameter"] == field


def test_the_title_parameter_is_checked(signed_in):
    assert signed_in.get(url()).json()["parameter"] == "title"
    assert signed_in.get(url(), {"title": "abc"}).status_code == 400


def test_unknown_or_unpublished_chapter_is_404(signed_in, manga):
    title, (first, _) = manga
    assert put(signed_in, 999_999, page=0, total=3).status_code == 404
    title.unpublish()
    response = put(signed_in, first.id, page=0, total=3)
    assert response.status_code == 404 and response.json()["detail"] == "Розділ не знайдено."


def test_signed_out_is_401(manga):
    client = Client()
    assert client.get(url(manga[1][0].id)).status_code == 401
    assert put(client, manga[1][0].id, page=0, total=3).status_code in (401, 403)


def test_another_users_position_is_invisible(signed_in, manga, make_user):
    other = Client()
    other.force_login(make_user("other"))
    put(other, manga[1][0].id, page=5, total=9)
    assert signed_in.get(url(manga[1][0].id)).status_code == 404
    assert signed_in.get(url(), {"title": manga[0].id}).json()["items"] == []
