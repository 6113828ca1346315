"""WSGI entry point (`gunicorn config.wsgi`). Production settings unless told otherwise, so a
bare gunicorn never runs with DEBUG on and a known key; `manage.py` keeps the dev settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
