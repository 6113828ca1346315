"""nginx (docker/nginx/default.conf.template): `nginx -t` on the rendered configuration, and
the real nginx with a self-signed certificate in front of the real Django and Next.js on local
ports — routes, HTTP → HTTPS, security headers, the micro-cache and its session bypass, rate
limits, /metrics kept inside. The end-to-end test needs Next's production build (`next build`
in frontend/): `make test` runs it after the front-end tests (`-m nginx_e2e`)."""

import os
import re
import subprocess
from pathlib import Path

import httpx
import pytest
from django.core.signals import request_started

from . import nginx
from .production import BASE_DIR

FRONTEND = BASE_DIR / "frontend"


def values(folder: Path, **overrides: str) -> dict[str, str]:
    cert, key = nginx.self_signed_certificate(folder)
    base = {
        "SERVER_NAME": "localhost",
        "HTTP_PORT": str(nginx.free_port()),
        "HTTPS_PORT": str(nginx.free_port()),
        "TLS_CERTIFICATE": str(cert),
        "TLS_CERTIFICATE_KEY": str(key),
        "BACKEND_ADDR": "127.0.0.1:8000",
        "FRONTEND_ADDR": "127.0.0.1:3000",
        "MEDIA_ROOT": str(folder / "media"),
        "NGINX_CACHE_DIR": str(folder / "cache"),
        "MICROCACHE_SECONDS": "5",
    }
    base["HTTPS_REDIRECT_PORT"] = f":{base['HTTPS_PORT']}"
    return {**base, **overrides}


def test_rendered_config_passes_nginx_t(tmp_path):
    main = nginx.render(tmp_path, values(tmp_path))
    done = nginx.test_config(main)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr
    # Every variable was substituted; nginx's own ($host, $request_id) were left alone.
    rendered = (tmp_path / "default.conf").read_text()
    assert "${" not in rendered and "$request_id" in rendered and "$host" in rendered


@pytest.fixture
def next_server(live_server, tmp_path):
    """`next start` of the existing production build, against the live Django."""
    if not (FRONTEND / ".next" / "BUILD_ID").exists():
        pytest.fail("no Next.js build: run `npm --prefix frontend run build` first")
    port = nginx.free_port()
    log = open(tmp_path / "next.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [FRONTEND / "node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", str(port)],
        cwd=FRONTEND,
        env={**os.environ, "API_URL": live_server.url, "NEXT_TELEMETRY_DISABLED": "1"},
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        nginx.wait_for_port(port)
        yield f"127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=20)


@pytest.mark.nginx_e2e
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_in_front_of_django_and_next(
    live_server, next_server, tmp_path, settings, make_anime
):
    settings.WAGTAILAPI_BASE_URL = live_server.url  # `find/` redirects Next to it
    for n in range(30):  # enough JSON for gzip to apply
        make_anime(f"title-{n}", title=f"Тайтл {n}", year=2000 + n)
    reached = []  # what Django saw (same process as live_server)

    def record(sender, environ, **kwargs):
        reached.append((environ["PATH_INFO"], environ.get("HTTP_X_REQUEST_ID"),
                        environ.get("HTTP_X_FORWARDED_PROTO")))  # fmt: skip

    request_started.connect(record)
    conf = values(tmp_path, BACKEND_ADDR=live_server.url.removeprefix("http://"),
                  FRONTEND_ADDR=next_server, MICROCACHE_SECONDS="60")  # fmt: skip
    main = nginx.render(tmp_path, conf)
    process = nginx.start(main, int(conf["HTTPS_PORT"]))
    https = f"https://127.0.0.1:{conf['HTTPS_PORT']}"
    try:
        with httpx.Client(verify=False, headers={"Host": "localhost"}, timeout=30) as client:
            # HTTP goes to HTTPS.
            plain = client.get(f"http://127.0.0.1:{conf['HTTP_PORT']}/anime/?year=2001")
            assert plain.status_code == 301
            assert (
                plain.headers["location"]
                == f"https://localhost:{conf['HTTPS_PORT']}/anime/?year=2001"
            )

            # The catalog API: Django answers once, the micro-cache the second time.
            url = f"{https}/api/v2/titles/?limit=30"
            first = client.get(url, headers={"Accept-Encoding": "gzip"})
            assert first.status_code == 200 and first.json()["meta"]["total_count"] == 30
            assert first.headers["x-cache"] == "MISS"
            assert first.headers["content-encoding"] == "gzip"
            assert first.headers["strict-transport-security"].startswith("max-age=31536000")
            assert first.headers["x-content-type-options"] == "nosniff"
            request_id = first.headers["x-request-id"]
            assert ("/api/v2/titles/", request_id, "https") in reached
            assert client.get(url).headers["x-cache"] == "HIT"
            assert [r for r in reached if r[0] == "/api/v2/titles/"] == [
                ("/api/v2/titles/", request_id, "https")
            ]
            # Signed in (a session cookie): bypassed, never stored.
            signed_in = client.get(url, headers={"Cookie": "sessionid=abc"})
            assert signed_in.headers["x-cache"] == "BYPASS"
            assert len([r for r in reached if r[0] == "/api/v2/titles/"]) == 2

            # Django's other paths; /metrics never.
            health = client.get(f"{https}/health/")
            assert health.status_code == 200 and health.json()["checks"]["database"] == "ok"
            before = len(reached)
            assert client.get(f"{https}/metrics").status_code == 404
            assert len(reached) == before

            # Everything else is Next.js, with the same headers; hashed assets are immutable.
            page = client.get(f"{https}/")
            assert page.status_code == 200
            assert "rsc" in page.headers.get("vary", "").lower()  # a Next.js answer
            assert page.headers["strict-transport-security"].startswith("max-age=31536000")
            asset = re.search(r'/_next/static/[^"]+\.js', page.text).group(0)
            cached = client.get(f"{https}{asset}")
            assert cached.status_code == 200
            assert cached.headers["cache-control"] == "public, max-age=31536000, immutable"

            # Sign-in attempts are rate limited per address (10 a minute, a burst of 5).
            statuses = [client.post(f"{https}/_allauth/browser/v1/auth/login").status_code
                        for _ in range(10)]  # fmt: skip
            assert 429 in statuses and statuses[0] != 429
    finally:
        request_started.disconnect(record)
        nginx.stop(process)
