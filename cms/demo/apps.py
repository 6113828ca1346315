"""App config of the demo loader (an app only so that `load_demo` is a management command)."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "cms.demo"
    label = "demo"
    verbose_name = "Демо-каталог"
