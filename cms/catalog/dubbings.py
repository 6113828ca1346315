"""Keeping TitleDubbing (who voices a title, in which language) equal to what the title's live
episodes or chapters say. The anime and manga apps compute the pairs; this writes them."""

from django.db import transaction

from .models import TitleDubbing, TitlePage


@transaction.atomic
def sync_title_dubbings(title: TitlePage, pairs: set[tuple[int | None, str]]) -> None:
    """Make the title's rows exactly `pairs` of (dub team id or None, language)."""
    existing = {
        (row.dub_team_id, row.language): row.id
        for row in TitleDubbing.objects.select_for_update().filter(title=title)
    }
    stale = [row_id for pair, row_id in existing.items() if pair not in pairs]
    if stale:
        TitleDubbing.objects.filter(id__in=stale).delete()
    TitleDubbing.objects.bulk_create(
        [
            TitleDubbing(title=title, dub_team_id=team_id, language=language)
            for team_id, language in pairs - existing.keys()
        ],
        ignore_conflicts=True,
    )
