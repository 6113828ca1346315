"""Manga shapes in the API: a chapter reference (previous/next, lists)."""

from rest_framework import serializers

from cms.catalog.serializers import SitePathField


class ChapterRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.DecimalField(max_digits=7, decimal_places=2)
    title = serializers.CharField()
    url = SitePathField()
