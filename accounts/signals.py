"""Signal receivers of the accounts app (connected in AccountsConfig.ready)."""

from django.apps import apps
from django.contrib.auth.models import Group


def join_viewer_group(sender, instance, created, raw=False, **kwargs):
    """Every user holds the `viewer` role."""
    if created and not raw:
        group, _ = Group.objects.get_or_create(name="viewer")
        instance.groups.add(group)


def setup_roles_after_migrate(sender, using="default", **kwargs):
    """Built-in roles are (re)synced once per `migrate` (and test database flush), after the
    last app's permissions have been created."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    from .roles import setup_roles

    setup_roles()


def log_team_trusted(sender, instance, created, raw=False, **kwargs):
    """Trust changes are staff actions: logged on the team's page (Wagtail's audit log)."""
    if created and not raw:
        from wagtail.log_actions import log

        log(instance.team, "accounts.team_trusted")


def log_team_untrusted(sender, instance, **kwargs):
    from wagtail.log_actions import log

    log(instance.team, "accounts.team_untrusted")
