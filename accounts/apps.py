"""App config for users and everything personal: roles, bans, reputation (lists later)."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Користувачі"

    def ready(self):
        from cms.demo.signals import demo_loaded

        from . import demo, signals

        post_save.connect(signals.join_viewer_group, sender=self.get_model("User"))
        post_save.connect(signals.log_team_trusted, sender=self.get_model("TrustedTeam"))
        post_delete.connect(signals.log_team_untrusted, sender=self.get_model("TrustedTeam"))
        # Team members edit their team's page (cms.dubbing asks through this plugin point).
        from cms.dubbing.permissions import register_team_editor_check

        from .roles import can

        register_team_editor_check(lambda user, team: can(user, "edit_team", team))
        # A group is shown by its role's label: its name is the role's code name, which
        # django-role-permissions needs (accounts.roles.group_display_name).
        from django.contrib.auth.models import Group

        from .roles import group_display_name

        Group.__str__ = group_display_name
        # After every app's permissions exist: the last app's post_migrate comes last.
        post_migrate.connect(signals.setup_roles_after_migrate)
        demo_loaded.connect(demo.load_demo_viewers, dispatch_uid="accounts.demo_viewers")
