"""The AniHata Django project; loading Celery here makes @shared_task use our app."""

from .celery import app as celery_app

__all__ = ["celery_app"]
