"""Deployment defaults: the entry points run production settings, which refuse to start
without a key, pass `check --deploy`, force HTTPS and send a Content-Security-Policy built from
the host allowlists."""

import sys

from . import production


def test_check_deploy_has_no_warnings():
    done = production.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production.production_env(SECURE_COOKIES="true"),
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "System check identified no issues" in done.stdout


def test_wsgi_asgi_and_celery_default_to_production_which_needs_a_key():
    for module in ("config.wsgi", "config.asgi", "config.celery"):
        done = production.run(
            [sys.executable, "-c", f"import {module}, django.conf as c; c.settings.DEBUG"],
            production.production_env(DJANGO_SETTINGS_MODULE=None, SECRET_KEY=None),
        )
        assert done.returncode != 0
        assert "SECRET_KEY must be set in production" in done.stderr
        done = production.run(
            [sys.executable, "-c", f"import {module}, django.conf as c; print(c.settings.DEBUG)"],
            production.production_env(DJANGO_SETTINGS_MODULE=None),
        )
        assert done.stdout.strip() == "False", done.stderr


def test_manage_py_keeps_dev_settings():
    done = production.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.SETTINGS_MODULE, s.DEBUG)",
        ],
        production.production_env(DJANGO_SETTINGS_MODULE=None, SECRET_KEY=None),
    )
    assert done.stdout.split()[-2:] == ["config.settings.dev", "True"], done.stderr


def test_https_headers_and_content_security_policy():
    responses, _ = production.requests(
        [
            {"path": "/health/", "headers": {"X-Request-ID": "bad id\\n"}},
            {"path": "/api/schema/", "secure": False},
            {"path": "/health/", "secure": False},
            {"path": "/admin/"},
        ],
        STREAM_PROVIDER_HOSTS="newdub=cdn.newdub.example",
        POSTER_HOSTS="posters.example",
        READER_IMAGE_HOSTS="pages.example",
    )
    secure, plain_api, plain_health, admin = responses
    headers = secure["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert len(headers["X-Request-ID"]) == 32  # a malformed id is replaced
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in headers["Content-Security-Policy"].split("; ")
    )
    for directive in ("frame-src", "media-src", "connect-src"):
        # A provider added by setting and the defaults, each with its subdomains.
        assert {"https://cdn.newdub.example", "https://*.cdn.newdub.example"} <= set(
            policy[directive]
        )
        assert "https://*.ashdi.vip" in policy[directive]
    assert "https://*.posters.example" in policy["img-src"]
    assert "https://pages.example" in policy["img-src"]  # the manga reader's page images
    assert "https://ashdi.vip" not in policy["img-src"]
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # Plain HTTP is sent to HTTPS, except the probes from inside the deployment.
    assert plain_api["status"] == 301
    assert plain_api["headers"]["Location"].startswith("https://")
    assert plain_health["status"] == 200
    # Only the Wagtail admin may run inline scripts.
    assert admin["status"] == 302
    assert "'unsafe-inline'" in admin["headers"]["Content-Security-Policy"].split("script-src")[1]


def test_ssl_redirect_is_off_behind_a_tls_proxy():
    (response,), _ = production.requests(
        [{"path": "/api/schema/", "secure": False}], SECURE_SSL_REDIRECT="false"
    )
    assert response["status"] == 200


def test_dev_settings_without_a_broker_log_no_kombu_warning():
    done = production.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from config.celery import app; app.connection_for_write().info()"],
        production.production_env(DJANGO_SETTINGS_MODULE=None, REDIS_URL=None,
                                  DATABASE_URL="sqlite:///:memory:"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
