"""Settings of the real Celery worker and beat that test_celery_worker.py starts: the test
settings with tasks going through Redis instead of running eagerly, on the test's own queue, and
a short visibility timeout so a task whose worker was killed comes back within seconds."""

import os

from config.settings.test import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
TASKS = {"default": {"BACKEND": "config.tasks_backend.CeleryTaskBackend"}}
CELERY_TASK_DEFAULT_QUEUE = os.environ["WORKER_QUEUE"]
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 5, "unacked_restore_interval": 1}
CELERY_BEAT_SCHEDULE = {
    "source-check": {"task": "streams.check_video_sources", "schedule": 2.0},
}
