"""The episode editor's «Джерела» tab: the episode's video sources with their state, linked to
the sources admin. Not a form: sources are rows of their own, never part of an episode revision
(see the models' docstring)."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class EpisodeSourcesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "anime/panels/episode_sources.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            from .models import VideoSource  # models import this module

            episode = self.instance
            viewset = VideoSource.snippet_viewset
            sources = []
            if episode.pk:
                for source in episode.sources.select_related("dub_team").order_by(
                    "sort_order", "pk"
                ):
                    url = reverse(viewset.get_url_name("edit"), args=[source.pk])
                    sources.append((source, url))
            context.update(
                sources=sources,
                add_url=(
                    f"{reverse(viewset.get_url_name('add'))}?episode={episode.pk}"
                    if episode.pk
                    else None
                ),
            )
            return context
