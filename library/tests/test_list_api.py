"""`/api/me/list/`: adding, changing and removing titles, filters and orders, counts per
status; signed out is a 401, bad input a 400 naming the field, another user's rows a 404."""

import pytest
from django.test import Client

from config.tests.test_api_errors import assert_error
from library.models import ListEntry

from .conftest import put_json

LIST = "/api/me/list/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method, url",
    [
        ("get", LIST),
        ("get", f"{LIST}1/"),
        ("put", f"{LIST}1/"),
        ("delete", f"{LIST}1/"),
        ("get", "/api/me/progress/?title=1"),
        ("put", "/api/me/progress/1/"),
        ("post", "/api/me/progress/1/"),
        ("get", "/api/me/history/"),
        ("get", "/api/me/subscriptions/"),
        ("post", "/api/me/subscriptions/"),
        ("delete", "/api/me/subscriptions/1/"),
        ("get", "/api/me/notifications/"),
        ("post", "/api/me/notifications/read/"),
        ("post", "/api/me/list/import/"),
        ("get", "/api/me/list/export/"),
    ],
)
def test_signed_out_is_401_json(client, method, url):
    response = getattr(client, method)(url)
    body = assert_error(response, 401)
    assert body["detail"] == "Потрібно увійти."


def test_put_adds_then_changes_only_what_is_sent(signed_in, anime, user):
    response = put_json(signed_in, f"{LIST}{anime.pk}/", {"status": "watching"})
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "watching" and body["favourite"] is False and body["score"] is None
    assert body["title"]["id"] == anime.pk and body["title"]["url"] == "/anime/frieren/"
    assert response["Cache-Control"] == "private, no-store"

    response = put_json(signed_in, f"{LIST}{anime.pk}/", {"favourite": True, "score": 9})
    assert response.status_code == 200
    assert response.json() | {"created_at": None, "updated_at": None} == {
        "title": body["title"],
        "status": "watching",
        "favourite": True,
        "score": 9,
        "created_at": None,
        "updated_at": None,
        "title_rating": 9.0,  # the title's rating with this score, for the page to show at once
        "title_rating_count": 1,
    }
    assert signed_in.get(f"{LIST}{anime.pk}/").json()["score"] == 9
    assert ListEntry.objects.filter(user=user).count() == 1


def test_new_entry_without_status_is_planned(signed_in, anime):
    assert put_json(signed_in, f"{LIST}{anime.pk}/", {}).json()["status"] == "planned"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"status": "reading"}, "status"),
        ({"score": 11}, "score"),
        ({"score": 0}, "score"),
        ({"score": "дев'ять"}, "score"),
        ({"favourite": "maybe"}, "favourite"),
    ],
)
def test_bad_input_is_400_naming_the_field(signed_in, anime, data, field):
    assert_error(put_json(signed_in, f"{LIST}{anime.pk}/", data), 400, field)
    assert not ListEntry.objects.exists()


def test_unknown_or_unpublished_title_is_404(signed_in, anime):
    assert_error(put_json(signed_in, f"{LIST}{anime.pk + 1000}/", {"status": "planned"}), 404)
    anime.unpublish()
    assert_error(put_json(signed_in, f"{LIST}{anime.pk}/", {"status": "planned"}), 404)


def test_another_users_entry_is_invisible(signed_in, anime, make_user):
    other = Client()
    other.force_login(make_user("other"))
    put_json(other, f"{LIST}{anime.pk}/", {"status": "dropped", "score": 2})
    assert_error(signed_in.get(f"{LIST}{anime.pk}/"), 404)
    assert_error(signed_in.delete(f"{LIST}{anime.pk}/"), 404)
    assert signed_in.get(LIST).json()["items"] == []
    assert other.get(f"{LIST}{anime.pk}/").json()["status"] == "dropped"


def test_delete_removes_the_entry(signed_in, anime):
    put_json(signed_in, f"{LIST}{anime.pk}/", {"status": "planned"})
    assert signed_in.delete(f"{LIST}{anime.pk}/").status_code == 204
    assert_error(signed_in.get(f"{LIST}{anime.pk}/"), 404)


def test_list_filters_orders_and_counts(signed_in, make_anime, make_manga):
    berserk = make_manga("berserk", title="Берсерк")
    akira = make_anime("akira", title="Акіра")
    zoo = make_anime("zoo", title="Зоопарк")
    put_json(signed_in, f"{LIST}{berserk.pk}/", {"status": "watching", "score": 10})
    put_json(signed_in, f"{LIST}{akira.pk}/", {"status": "completed", "score": 7})
    put_json(signed_in, f"{LIST}{zoo.pk}/", {"status": "watching", "favourite": True})

    body = signed_in.get(LIST).json()
    assert [item["title"]["id"] for item in body["items"]] == [zoo.pk, akira.pk, berserk.pk]
    assert body["meta"] == {
        "total_count": 3,
        "counts": {
            "watching": 2,
            "planned": 0,
            "completed": 1,
            "on_hold": 0,
            "dropped": 0,
            "favourite": 1,
        },
    }
    ids = lambda **params: [i["title"]["id"] for i in signed_in.get(LIST, params).json()["items"]]  # noqa: E731
    assert ids(status="watching") == [zoo.pk, berserk.pk]
    assert ids(kind="anime", order="title") == [akira.pk, zoo.pk]
    assert ids(order="-score") == [berserk.pk, akira.pk, zoo.pk]
    assert ids(favourite="1") == [zoo.pk]
    assert ids(title=[akira.pk, berserk.pk], order="-added") == [akira.pk, berserk.pk]
    assert ids(limit=1, offset=1) == [akira.pk]
    assert signed_in.get(LIST, {"status": "watching"}).json()["meta"]["total_count"] == 2


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"status": "reading"}, "status"),
        ({"kind": "novel"}, "kind"),
        ({"order": "random"}, "order"),
        ({"limit": "1000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"title": "x"}, "title"),
    ],
)
def test_list_bad_parameters_are_400(signed_in, params, parameter):
    assert_error(signed_in.get(LIST, params), 400, parameter)
