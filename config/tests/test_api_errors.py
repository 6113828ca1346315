"""One error body for every 4xx under /api/ ({"detail", "parameter"}), always JSON, echoing at
most 100 characters of the input; integers are ASCII digits within the database's range; JSON
nested deeper than 100 is a 400. Each case was a 500 or an HTML page before."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError
from django.test import Client
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from config.parsers import MAX_DEPTH

HUGE = "9" * 25


def assert_error(response, status: int, parameter: str | None = None) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) <= {"detail", "parameter"}
    assert body["detail"] and any(letter in body["detail"] for letter in "аеиоуіїєя")
    assert body.get("parameter") == parameter
    return body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, parameter",
    [
        (f"/api/v2/titles/?offset={HUGE}", "offset"),
        (f"/api/v2/titles/?limit={HUGE}", "limit"),
        ("/api/v2/titles/?year=2_020", "year"),
        ("/api/v2/titles/?year=%D9%A2%D9%A0%D9%A2%D9%A0", "year"),  # Arabic-Indic 2020
        ("/api/v2/episodes/latest/?limit=%C2%B2", "limit"),  # "²": str.isdigit() says yes
        ("/api/v2/episodes/latest/?limit=1_2", "limit"),
        (f"/api/v2/pages/?offset={HUGE}", "offset"),
        (f"/api/v2/pages/?limit={HUGE}", "limit"),
        ("/api/v2/pages/?child_of=%C2%B2", "child_of"),
        ("/api/v2/pages/?type=anime.EpisodePage&number=2_020", "number"),
        (f"/api/v2/pages/?type=anime.EpisodePage&number={HUGE}", "number"),
        (f"/api/v2/pages/find/?id={HUGE}", "id"),
        (f"/api/v2/images/?offset={HUGE}", "offset"),
        ("/api/v2/images/?limit=%D9%A3", "limit"),
    ],
)
def test_integer_parameters_are_ascii_and_bounded(client, home, url, parameter):
    assert_error(client.get(url), 400, parameter)


@pytest.mark.django_db
def test_out_of_range_values_the_database_refuses_are_400(client, home):
    # A smallint column compared with a value past its range.
    assert_error(client.get("/api/v2/pages/?type=anime.AnimePage&year=99999"), 400, "year")


@pytest.mark.django_db
def test_wagtail_api_errors_use_our_body(client, home):
    assert_error(client.get("/api/v2/pages/?bogus=1"), 400)
    assert_error(client.get("/api/v2/pages/999999/"), 404)
    assert_error(client.get("/api/v2/images/?bogus=1"), 400)


@pytest.mark.django_db
def test_titles_errors_name_the_parameter_and_echo_at_most_100_characters(client, home):
    body = assert_error(client.get("/api/v2/titles/", {"genre": "x" * 5000}), 400, "genre")
    assert "x" * 100 in body["detail"] and "x" * 101 not in body["detail"]
    body = assert_error(client.get("/api/v2/titles/", {"order": "y" * 5000}), 400, "order")
    assert "y" * 101 not in body["detail"]


@pytest.mark.django_db
def test_unmatched_api_path_is_json(client):
    assert_error(client.get("/api/no-such-endpoint/"), 404)
    assert_error(client.get("/api/v2/no-such/"), 404)


@pytest.mark.django_db
def test_csrf_failure_under_api_is_json():
    response = Client(enforce_csrf_checks=True).post("/api/no-such-endpoint/", {"a": "1"})
    assert_error(response, 403)


@pytest.mark.django_db
def test_too_many_fields_is_json(client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"f{n}=1" for n in range(50))
    assert_error(client.get(f"/api/v2/titles/?{query}"), 400)


@pytest.mark.django_db
def test_nul_byte_answer_uses_the_body(client):
    assert_error(client.get("/api/v2/titles/?search=a%00b"), 400)


class EchoView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        return Response({"keys": sorted(request.data)})


def post_json(body: str):
    request = APIRequestFactory().post("/api/echo/", body, content_type="application/json")
    return EchoView.as_view()(request)


def test_deeply_nested_json_is_a_400_not_a_recursion_error():
    response = post_json("[" * 10000 + "]" * 10000)
    assert response.status_code == 400
    assert "JSON" in response.data["detail"]


def test_json_nesting_limit_is_exactly_100():
    def nested(depth: int) -> str:
        return json.dumps({"a": 1}) if depth == 1 else '{"a": ' + nested(depth - 1) + "}"

    assert post_json(nested(MAX_DEPTH)).status_code == 200
    assert post_json(nested(MAX_DEPTH + 1)).status_code == 400
    assert post_json("NaN").status_code == 400


class FailingView(APIView):
    authentication_classes: list = []
    permission_classes: list = []
    error: Exception

    def get(self, request):
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(DataError("integer out of range"), id="DataError"),
        pytest.param(ValidationError("Погано."), id="ValidationError"),
    ],
)
def test_database_and_model_refusals_are_400_in_drf_views(error):
    view = type("View", (FailingView,), {"error": error}).as_view()
    response = view(APIRequestFactory().get("/api/x/"))
    assert response.status_code == 400
    assert set(response.data) == {"detail"}


@pytest.mark.django_db
def test_schema_documents_every_4xx_with_the_one_error_body(client):
    """Clients generated from the schema learn the error shape from it: every documented 4xx
    under /api/ (Wagtail's v2 router is not in the DRF schema) names the `ApiError` component."""
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    undocumented = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for code, response in operation.get("responses", {}).items():
                if not code.startswith("4"):
                    continue
                refs = {
                    body.get("schema", {}).get("$ref", "")
                    for body in response.get("content", {}).values()
                }
                if not refs or not all(ref.endswith("/ApiError") for ref in refs):
                    undocumented.append(f"{method.upper()} {path} {code}")
    assert undocumented == []


@pytest.mark.parametrize("raw", ["١٢", "12.0", "²", "1_2", "12abc"])
def test_serializer_integers_take_ascii_digits_only(raw):
    from rest_framework import serializers

    field = serializers.IntegerField(min_value=0)
    with pytest.raises(serializers.ValidationError):
        field.run_validation(raw)
    assert field.run_validation(" 12 ") == 12 and field.run_validation(12) == 12


@pytest.mark.django_db
def test_odd_unicode_digits_in_a_body_are_400(client, make_anime, django_user_model):
    anime = make_anime("frieren", title="Фрірен")
    client.force_login(django_user_model.objects.create_user("u", "u@example.com", "x"))
    response = client.put(
        f"/api/me/list/{anime.pk}/",
        json.dumps({"status": "watching", "score": "٧"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["parameter"] == "score"
