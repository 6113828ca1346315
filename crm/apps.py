"""App config of the CRM: staff screens inside the Wagtail admin."""

from django.apps import AppConfig


class CrmConfig(AppConfig):
    name = "crm"
    label = "crm"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "CRM"
