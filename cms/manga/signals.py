"""Keep a manga's TitleDubbing rows in step with its live chapters' translators."""

from cms.dubbing.dubbings import keep_dubbings_in_step, sync_title_dubbings

from .models import ChapterPage, MangaPage


def refresh_manga_dubbings(manga: MangaPage) -> None:
    pairs = set(
        ChapterPage.objects.child_of(manga)
        .live()
        .values_list("translator_id", "language")
        .distinct()
    )
    sync_title_dubbings(manga, pairs)


keep_dubbings_in_step(ChapterPage, MangaPage, refresh_manga_dubbings)
