"""Keep a manga's TitleDubbing rows in step with its live chapters' translators."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.catalog.dubbings import parent_title, sync_title_dubbings

from .models import ChapterPage, MangaPage


def refresh_manga_dubbings(manga: MangaPage) -> None:
    pairs = set(
        ChapterPage.objects.child_of(manga)
        .live()
        .values_list("translator_id", "language")
        .distinct()
    )
    sync_title_dubbings(manga, pairs)


@receiver(page_published, sender=ChapterPage)
@receiver(page_unpublished, sender=ChapterPage)
@receiver(post_delete, sender=ChapterPage)
def on_chapter_changed(sender, instance, **kwargs):
    manga = parent_title(instance, MangaPage)
    if manga is not None:
        refresh_manga_dubbings(manga)


@receiver(post_page_move, sender=ChapterPage)
def on_chapter_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    for parent in (parent_page_before, parent_page_after):
        if isinstance(parent.specific, MangaPage):
            refresh_manga_dubbings(parent.specific)
