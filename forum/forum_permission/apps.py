"""App config of our machina permission overrides (no models: machina's stay in place)."""

from django.apps import AppConfig


class ForumPermissionOverridesConfig(AppConfig):
    name = "forum.forum_permission"
    label = "anihata_forum_permission"
    verbose_name = "Права на форумі"
