"""App config of `library`: connects the signal receivers (new episodes → notifications, the
demo's plays)."""

from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Мої аніме"

    def ready(self):
        from cms.demo.signals import demo_loaded

        from . import demo, notifications  # noqa: F401 - notifications connects its receivers

        # After accounts' demo viewers (accounts is installed first), before crm's statistics.
        demo_loaded.connect(demo.load_demo_plays, dispatch_uid="library.demo_plays")
