"""The Celery application; settings come from Django's CELERY_* names. Like the WSGI/ASGI entry
points, `celery -A config worker|beat` runs the production settings unless DJANGO_SETTINGS_MODULE
says otherwise (this module is imported with the `config` package, before config/wsgi.py)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("anihata")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
