"""App config of the CRM: staff screens inside the Wagtail admin."""

from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "crm"
    label = "crm"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "CRM"

    def ready(self):
        from cms.demo.signals import demo_loaded

        # Connected after accounts' demo viewers (accounts is installed first): the rows count
        # their watching.
        demo_loaded.connect(compute_demo_stats, dispatch_uid="crm.demo_stats")


def compute_demo_stats(**kwargs) -> None:
    from crm.stats import compute_recent

    compute_recent(DEMO_DAYS)


DEMO_DAYS = 31
