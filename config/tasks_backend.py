"""A django_tasks backend that hands tasks to Celery. Wagtail 8 queues search-index and
reference-index updates through django_tasks; with a broker configured this takes them out of
the request and into the Celery worker (without one, Django's immediate backend runs them)."""

from celery import shared_task
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


@shared_task(ignore_result=True, acks_late=True)
def run_django_task(module_path: str, args: list, kwargs: dict) -> None:
    """Run a django_tasks task in the Celery worker."""
    import_string(module_path).call(*args, **kwargs)


class CeleryTaskBackend(BaseTaskBackend):
    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        # Enqueued from post_save, inside the writer's transaction: a worker must not read the
        # row before it is committed.
        transaction.on_commit(
            lambda: run_django_task.delay(task.module_path, list(args), dict(kwargs))
        )
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
