"""External catalog importers: provider clients, the ImportedTitle review queue and Celery tasks."""
