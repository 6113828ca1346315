"""App config for users and everything personal: roles, bans, reputation (lists later)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Користувачі"

    def ready(self):
        from cms.demo.signals import demo_loaded

        from . import demo, signals

        post_save.connect(signals.join_viewer_group, sender=self.get_model("User"))
        # After every app's permissions exist: the last app's post_migrate comes last.
        post_migrate.connect(signals.setup_roles_after_migrate)
        demo_loaded.connect(demo.load_demo_viewers, dispatch_uid="accounts.demo_viewers")
