"""Anime-only shapes in the API: an episode's active sources as the pages API shows them (the
shared shapes, EpisodeRef and DubTeamRef among them, are in `cms.catalog.serializers`)."""

from rest_framework import serializers

from cms.catalog.serializers import DubTeamRefSerializer


class SourceSummarySerializer(serializers.Serializer):
    """An episode's active sources as the page API shows them (no resolved URLs)."""

    id = serializers.IntegerField()
    dub_team = DubTeamRefSerializer(allow_null=True)
    language = serializers.CharField()
    kind = serializers.CharField()
    provider = serializers.CharField()
