"""`/health/`: each part's state, 200 while the site can serve, 503 only without a database,
no error text or addresses in the answer. Outages are real: services on closed ports."""

import json

import pytest

from . import production


@pytest.mark.django_db
def test_everything_up(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "search": "ok", "broker": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_head_answers_and_other_methods_are_refused(client):
    assert client.head("/health/").status_code == 200
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/health/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["detail"] == "Метод не дозволено."


def assert_reveals_nothing(body: str, *ports: int) -> None:
    for secret in ("127.0.0.1", "refused", "Error", "redis", *map(str, ports)):
        assert secret not in body


def test_redis_and_elasticsearch_down_degrade_but_serve():
    with production.closed_port() as redis_port, production.closed_port() as es_port:
        (response,), log = production.requests(
            [{"path": "/health/", "headers": {"X-Request-ID": "probe-42"}}],
            REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
            ELASTICSEARCH_URL=f"http://127.0.0.1:{es_port}",
        )
    assert response["status"] == 200
    assert json.loads(response["body"]) == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "down", "search": "down", "broker": "down"},
    }
    assert_reveals_nothing(response["body"], redis_port, es_port)
    # The details are in the log instead.
    assert "health: cache is down" in log and str(redis_port) in log
    # JSON log lines carry the request id nginx passed.
    cache_line = next(line for line in log.splitlines() if "health: cache is down" in line)
    assert json.loads(cache_line)["request_id"] == "probe-42"


def test_database_down_is_503():
    with production.closed_port() as port:
        (get, head), log = production.requests(
            [{"path": "/health/"}, {"path": "/health/", "method": "head"}],
            DATABASE_URL=f"postgres://anihata:secret@127.0.0.1:{port}/anihata",
            REDIS_URL=None,
        )
    assert get["status"] == head["status"] == 503
    assert json.loads(get["body"]) == {
        "status": "down",
        # Without Redis the cache is Django's database cache: down with the database.
        "checks": {"database": "down", "cache": "down", "search": "ok", "broker": "ok"},
    }
    assert_reveals_nothing(get["body"], port)
    assert "secret" not in get["body"]
    assert "health: database is down" in log
