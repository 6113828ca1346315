"""Run a few requests against Django with the production settings in a separate process, so
each test can give it its own environment (a service on a closed port, a missing setting)."""

import json
import os
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SECRET = "production-test-key-" + "x" * 50

SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(REMOTE_ADDR=sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1")
results = []
for call in json.loads(sys.argv[1]):
    response = getattr(client, call.get("method", "get").lower())(
        call["path"], secure=call.get("secure", True), headers=call.get("headers")
    )
    results.append({
        "status": response.status_code,
        "headers": dict(response.headers),
        "body": response.content.decode(errors="replace"),
    })
print("RESULT " + json.dumps(results))
"""


@contextmanager
def closed_port():
    """A local port that refuses connections (bound, never listening) for as long as it is held."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


def production_env(**overrides: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ELASTICSEARCH_", "CELERY_", "SENTRY_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="testserver",
    )
    env.setdefault("DATABASE_URL", "sqlite:///:memory:")
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def requests(
    calls: list[dict], remote_addr: str = "127.0.0.1", **env: str | None
) -> tuple[list[dict], str]:
    """Make `calls` ([{"path", "method"="get", "secure"=True, "headers"}]) in a production
    process; returns the responses (status, headers, body) and the process's log (stderr)."""
    done = run(
        [sys.executable, "-c", SCRIPT, json.dumps(calls), remote_addr], production_env(**env)
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, done.stderr[-3000:]
    return json.loads(lines[-1].removeprefix("RESULT ")), done.stderr
