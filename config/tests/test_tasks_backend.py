"""Wagtail's django_tasks work goes to Celery when a broker is configured."""

import pytest
from django.test import override_settings

from cms.discovery.search import search_hits
from config import tasks_backend

CELERY_TASKS = {"default": {"BACKEND": "config.tasks_backend.CeleryTaskBackend"}}


@pytest.mark.django_db
def test_index_updates_are_sent_to_celery_after_commit(
    monkeypatch, make_anime, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(tasks_backend.run_django_task, "delay", lambda *a: sent.append(a))
    with override_settings(TASKS=CELERY_TASKS):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            make_anime("frieren", title="Фрірен")
        assert sent == []  # nothing reaches the worker before the transaction commits
        for callback in callbacks:
            callback()
    assert ("modelsearch.tasks.insert_or_update_object_task", ["anime", "animepage"]) in [
        (path, args[:2]) for path, args, _ in sent
    ]
    # What the worker runs does the indexing.
    for path, args, kwargs in sent:
        tasks_backend.run_django_task(path, args, kwargs)
    assert search_hits("Фрірен", None)
