"""Anime shapes in the API: an episode reference (previous/next, lists) and an episode's
active sources as the pages API shows them."""

from rest_framework import serializers

from cms.catalog.serializers import SitePathField
from cms.dubbing.serializers import DubTeamRefSerializer


class EpisodeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    url = SitePathField()


class SourceSummarySerializer(serializers.Serializer):
    """An episode's active sources as the page API shows them (no resolved URLs)."""

    id = serializers.IntegerField()
    dub_team = DubTeamRefSerializer(allow_null=True)
    language = serializers.CharField()
    kind = serializers.CharField()
    provider = serializers.CharField()
