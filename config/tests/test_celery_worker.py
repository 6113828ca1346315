"""A real `celery -A config worker` and `beat` against Redis (everything else runs tasks
eagerly): beat's schedule reaches the worker, a publish's search-index update is done by the
worker, an import sent with .delay() fetches recorded responses from a local fake Jikan and
publishes the page, the queue-length metric counts waiting tasks, and a worker killed in the
middle of a task has it delivered again and finished once (acks_late)."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import override_settings

from cms.anime.models import AnimePage
from cms.discovery.search import search_hits
from config.celery import app
from config.metrics import queue_length
from integrations import tasks
from integrations.models import ImportRun
from integrations.tests.recorded import FIXTURES

from .production import BASE_DIR
from .test_backup import database_url

pytestmark = [
    pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="worker and test share PostgreSQL"
    ),
]


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the killed worker's connection is gone when its answer is written


class FakeJikan:
    """Serves the recorded /anime/52991/full; while `gate` is closed every request waits."""

    def __init__(self):
        self.gate = threading.Event()
        self.requested = threading.Event()
        self.count = 0
        body = (FIXTURES / "jikan" / "anime_52991_full.json").read_bytes()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                fake.count += 1
                fake.requested.set()
                fake.gate.wait(60)
                found = self.path.startswith("/v4/anime/52991/full")
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body if found else json.dumps({"status": 404}).encode())

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v4"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.gate.set()
        self.server.shutdown()


class Celery:
    """`celery -A config <command>` in its own process group, its log in a file."""

    def __init__(self, command: str, env: dict, log_path, *args: str):
        self.log_path = log_path
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", command, "-l", "info", *args],
            cwd=BASE_DIR, env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT,  # noqa: SIM115
            start_new_session=True,
        )  # fmt: skip

    def log(self) -> str:
        return self.log_path.read_text()

    def wait_for(self, text: str, timeout: float = 120) -> None:
        wait_until(lambda: text in self.log(), timeout, f"{text!r} in {self.log_path}")

    def kill(self, sig=signal.SIGKILL) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=30)


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_and_beat_through_redis(tmp_path, anime_index, make_anime, client, monkeypatch):
    queue = f"anihata-test-{uuid.uuid4().hex[:8]}"
    jikan = FakeJikan()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.tests.worker_settings",
        "DATABASE_URL": database_url(),
        "WORKER_QUEUE": queue,
        "JIKAN_BASE_URL": jikan.url,
    }
    worker_args = ["-Q", queue, "-c", "1", "-n", f"{queue}@%h", "--without-gossip",
                   "--without-mingle", "--without-heartbeat"]  # fmt: skip
    # This process sends tasks to that queue through Redis instead of running them.
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "task_default_queue", queue)
    workers = [Celery("worker", env, tmp_path / "worker1.log", *worker_args)]
    beat = Celery("beat", env, tmp_path / "beat.log", "-s", str(tmp_path / "beat-schedule"))
    try:
        workers[0].wait_for("ready.")
        # Beat's schedule reaches the worker.
        workers[0].wait_for("Task streams.check_video_sources[", timeout=60)
        beat.kill(signal.SIGTERM)

        # A publish: the search index is updated by the worker, not here.
        with override_settings(TASKS=env_tasks()):
            make_anime("frieren", title="Фрірен")
        wait_until(lambda: search_hits("Фрірен"), 60, "the worker to index the title")
        assert "Task config.tasks_backend.run_django_task[" in workers[0].log()

        # An import whose fetch hangs: the worker is busy, later tasks wait in the queue.
        tasks.import_titles.delay("jikan", "anime", [52991], True)
        assert jikan.requested.wait(60), "the worker never fetched from Jikan"
        for _ in range(3):
            app.send_task("streams.check_video_sources", queue=queue)
        with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
            metrics = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
        line = next(x for x in metrics.splitlines() if x.startswith("anihata_celery_queue_length{"))
        assert f'queue="{queue}"' in line and float(line.split()[-1]) >= 3

        # The worker dies mid-task; a new one gets the task again and finishes it once.
        workers[0].kill()
        assert not AnimePage.objects.filter(external_ids__mal=52991).exists()
        jikan.gate.set()
        workers.append(Celery("worker", env, tmp_path / "worker2.log", *worker_args))
        wait_until(
            lambda: ImportRun.objects.filter(status="finished").exists(), 90, "the import to finish"
        )
        assert AnimePage.objects.filter(external_ids__mal=52991).count() == 1
        assert ImportRun.objects.count() == 1
        assert jikan.count >= 2  # fetched by the killed worker and again by the new one
        wait_until(lambda: queue_length(queue) == 0, 60, "the queue to drain")
    finally:
        for process in [*workers, beat]:
            process.kill()
        jikan.close()
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


def env_tasks() -> dict:
    return {"default": {"BACKEND": "config.tasks_backend.CeleryTaskBackend"}}
