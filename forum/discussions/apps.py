"""App config of the comments, reports and moderation (label `discussions`)."""

from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "forum.discussions"
    label = "discussions"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Обговорення"
