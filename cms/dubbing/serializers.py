"""How a dub team appears wherever a title, an episode or a chapter mentions it."""

from rest_framework import serializers


class DubTeamRefSerializer(serializers.Serializer):
    """A team reference: `DubTeamPage.as_ref()` or any object with these attributes."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    logo_url = serializers.CharField(allow_null=True)
