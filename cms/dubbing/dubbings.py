"""Keeping TitleDubbing (who voices a title, in which language) equal to what the title's live
episodes or chapters say. The anime and manga apps compute the pairs; this writes them."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import Signal
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.catalog.models import TitlePage

from .models import TitleDubbing

# Sent with `title` after a title's TitleDubbing rows changed (inside the same transaction), so
# the layers above (the catalog listing's read model) can follow without being imported here.
dubbings_changed = Signal()


@transaction.atomic
def sync_title_dubbings(title: TitlePage, pairs: set[tuple[int | None, str]]) -> None:
    """Make the title's rows exactly `pairs` of (dub team id or None, language)."""
    existing = {
        (row.dub_team_id, row.language): row.id
        for row in TitleDubbing.objects.select_for_update().filter(title=title)
    }
    stale = [row_id for pair, row_id in existing.items() if pair not in pairs]
    new = pairs - existing.keys()
    if stale:
        TitleDubbing.objects.filter(id__in=stale).delete()
    TitleDubbing.objects.bulk_create(
        [
            TitleDubbing(title=title, dub_team_id=team_id, language=language)
            for team_id, language in new
        ],
        ignore_conflicts=True,
    )
    if stale or new:
        dubbings_changed.send(sender=TitleDubbing, title=title)
        # Dub team names are indexed with the title: search must see the new teams.
        transaction.on_commit(lambda: index.insert_or_update_object(title))


def parent_title(page, title_model):
    """The title (of `title_model`) an episode or chapter belongs to, or None: also while the
    title itself is being deleted, when its rows are already gone."""
    try:
        parent = page.get_parent()
        specific = parent.specific if parent is not None else None
    except ObjectDoesNotExist:
        return None
    return specific if isinstance(specific, title_model) else None


def keep_dubbings_in_step(child_model, title_model, refresh) -> None:
    """Call `refresh(title)` whenever a child page (episode, chapter) of a title is published,
    unpublished, deleted or moved, for the title(s) it belongs to."""

    def on_changed(sender, instance, **kwargs):
        title = parent_title(instance, title_model)
        if title is not None:
            refresh(title)

    def on_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
        for parent in (parent_page_before, parent_page_after):
            if isinstance(parent.specific, title_model):
                refresh(parent.specific)

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(on_changed, sender=child_model, weak=False)
    post_page_move.connect(on_moved, sender=child_model, weak=False)
