"""Signal handlers of the catalog: drop cached API answers and tell the front end to
revalidate whenever the page tree changes."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate_catalog
from .paths import page_path
from .tasks import revalidate_frontend


@receiver(page_published)
@receiver(page_unpublished)
def on_page_changed(sender, instance, **kwargs):
    invalidate_catalog()
    revalidate_frontend.delay([page_path(instance.url_path)])


@receiver(post_page_move)
def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    invalidate_catalog()
    revalidate_frontend.delay([page_path(url_path_before), page_path(url_path_after)])


@receiver(post_delete)
def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_catalog()
