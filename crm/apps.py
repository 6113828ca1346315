"""App config of the CRM: staff screens inside the Wagtail admin."""

from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CrmConfig(AppConfig):
    default = True  # the app config of "crm" (this module holds another one, below)
    name = "crm"
    label = "crm"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "CRM"

    def ready(self):
        from cms.demo.signals import demo_loaded

        # Connected after accounts' demo viewers (accounts is installed first): the rows count
        # their watching.
        demo_loaded.connect(compute_demo_stats, dispatch_uid="crm.demo_stats")
        # Wagtail offers no setting or hook for the sites viewset (unlike wagtail.users' below),
        # so its list view is replaced here, before the admin's URLs are built.
        from wagtail.sites.views import SiteViewSet

        from crm.viewsets import SiteIndexView

        SiteViewSet.index_view_class = SiteIndexView


class WagtailUsersConfig(WagtailUsersAppConfig):
    """wagtail.users with the CRM's groups viewset (Wagtail's way to replace it: the app
    config's `group_viewset`), installed in its place in INSTALLED_APPS."""

    group_viewset = "crm.viewsets.GroupViewSet"


def compute_demo_stats(**kwargs) -> None:
    from crm.stats import compute_recent

    compute_recent(DEMO_DAYS)


DEMO_DAYS = 31
