"""Child pages of imported titles: EpisodePages for aired episodes, ChapterPages for
Ukrainian chapters. Only missing numbers are added; existing pages are never touched.

``detect_new_episodes`` and ``import_chapters`` are the hourly/daily jobs for one title (a title
deleted meanwhile is skipped); ``airing_anime_ids`` / ``chapter_manga_ids`` select the titles,
a bounded batch at a time.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from cms.anime.models import AnimePage, EpisodePage
from cms.dubbing.models import DubTeamPage
from cms.manga.models import ChapterPage, MangaPage, chapter_slug
from integrations.importers.pages import lock_page
from integrations.importers.records import ChapterRecord, EpisodeRecord
from integrations.providers.registry import provider_class_with, provider_with
from integrations.providers.values import to_int
from outbound.urls import is_safe_http_url


def _add_child(parent, page, publish: bool) -> None:
    """Add ``page`` under ``parent`` with a first revision, published or left as a draft."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()


def sync_episodes(anime: AnimePage, episodes: list[EpisodeRecord], publish: bool = True) -> int:
    """Add EpisodePages for episode numbers the title does not have yet; returns how many."""
    wanted = {e.number: e for e in episodes if e and e.number}
    created = 0
    with transaction.atomic():
        anime = lock_page(AnimePage, anime.pk)
        existing = set(EpisodePage.objects.child_of(anime).values_list("number", flat=True))
        for number in sorted(set(wanted) - existing):
            episode = wanted[number]
            page = EpisodePage(
                title=(episode.title or f"Серія {number}")[:255],
                slug=str(number),
                number=number,
                air_date=episode.air_date,
            )
            _add_child(anime, page, publish)
            created += 1
    return created


def sync_chapters(manga: MangaPage, chapters: list[ChapterRecord], publish: bool = False) -> int:
    """Add ChapterPages (pointing at MangaDex) for chapters the title lacks; returns how many.
    A chapter hosted elsewhere (``externalUrl``) becomes a link to it (``source_url``): the
    reader shows where to read it. The translating group is the team when a DubTeamPage has its
    name; its name is kept either way (``translator_name``)."""
    created = 0
    with transaction.atomic():
        manga = lock_page(MangaPage, manga.pk)
        existing = {
            (str(Decimal(n).normalize()), lang)
            for n, lang in ChapterPage.objects.child_of(manga).values_list("number", "language")
        }
        teams = {t.title.casefold(): t for t in DubTeamPage.objects.all()}
        for chapter in chapters:
            external = chapter.external_url if is_safe_http_url(chapter.external_url) else ""
            if not (chapter.mangadex_chapter_id or external) or len(external) > 500:
                continue
            try:
                number = Decimal(chapter.number)
            except ArithmeticError:
                continue
            key = (str(number.normalize()), chapter.language)
            if key in existing or chapter.language != "uk":
                continue
            existing.add(key)
            page = ChapterPage(
                title=(chapter.title or f"Розділ {chapter.number}")[:255],
                slug=chapter_slug(number),
                number=number,
                volume=to_int(chapter.volume),
                language="uk",
                translator=teams.get(chapter.translator.casefold()),
                translator_name=chapter.translator[:255],
                mangadex_chapter_id=chapter.mangadex_chapter_id,
                source_url=external,
            )
            _add_child(manga, page, publish)
            created += 1
    return created


def detect_new_episodes(anime_id: int, publish: bool = True) -> int:
    """Create the EpisodePages an airing title is missing, from the episode list of the source
    that has one (Jikan, by MAL id), or, for titles known only to AniList, up to the episode
    before AniList's next airing one."""
    anime = AnimePage.objects.filter(pk=anime_id).first()
    if anime is None:
        return 0
    mal_id = (anime.external_ids or {}).get("mal")
    if mal_id:
        # Long shows have many pages of episodes: start at the page of the last one we have.
        last = EpisodePage.objects.child_of(anime).aggregate(last=Max("number"))["last"] or 0
        source = provider_with("episode_pages")
        try:
            start_page = last // source.episodes_per_page + 1
            episodes = list(source.episodes(mal_id, start_page=start_page))
        finally:
            source.close()
    elif anime.next_episode_number:
        episodes = [EpisodeRecord(number=n) for n in range(1, anime.next_episode_number)]
    else:
        return 0
    today = timezone.localdate()
    aired = [e for e in episodes if e.air_date is None or e.air_date <= today]
    return sync_episodes(anime, aired, publish=publish)


def import_chapters(manga_id: int, publish: bool = False, provider=None) -> int:
    """Ukrainian chapters of a manga from the source with a chapter feed; how many were added."""
    manga = MangaPage.objects.filter(pk=manga_id).first()
    source = type(provider) if provider else provider_class_with("chapters_feed")
    external_id = (manga.external_ids or {}).get(source.source) if manga else None
    if not external_id:
        return 0
    own = provider is None
    provider = provider or source()
    try:
        chapters = list(provider.chapters(external_id, "uk"))
    finally:
        if own:
            provider.close()
    return sync_chapters(manga, chapters, publish=publish)


def airing_anime_ids(after: int = 0, limit: int | None = None) -> list[int]:
    """Live airing anime we can find episodes for, by id, the ``limit`` after ``after``."""
    ids = (
        AnimePage.objects.live()
        .filter(status="ongoing", pk__gt=after)
        .filter(Q(external_ids__has_key="mal") | Q(next_episode_number__isnull=False))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(ids[:limit] if limit else ids)


def chapter_manga_ids(after: int = 0, limit: int | None = None) -> list[int]:
    """Live manga the chapter source knows (checked daily), by id, ``limit`` after ``after``."""
    key = provider_class_with("chapters_feed").source
    ids = (
        MangaPage.objects.live()
        .filter(external_ids__has_key=key, pk__gt=after)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(ids[:limit] if limit else ids)
