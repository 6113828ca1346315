"""Serializers describing the playback API in the OpenAPI schema and validating reports."""

from rest_framework import serializers

from cms.catalog.serializers import DubTeamRefSerializer, EpisodeRefSerializer


class MarksSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class EpisodeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    intro = MarksSerializer(allow_null=True)
    outro = MarksSerializer(allow_null=True)


class QualitySerializer(serializers.Serializer):
    label = serializers.CharField()
    height = serializers.IntegerField(allow_null=True)
    url = serializers.URLField()


class SubtitleSerializer(serializers.Serializer):
    lang = serializers.CharField()
    label = serializers.CharField()
    url = serializers.URLField()


class PlaybackSourceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    provider = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["hls", "file", "iframe", "unavailable"],
        help_text="hls: master playlist in `url` or one playlist per quality in `qualities`; "
        "file: progressive MP4 per quality; iframe: the provider's player in `iframe_url`; "
        "unavailable: `message` says why (Ukrainian).",
    )
    url = serializers.URLField(allow_null=True)
    qualities = QualitySerializer(many=True)
    subtitles = SubtitleSerializer(many=True)
    iframe_url = serializers.URLField(allow_null=True)
    message = serializers.CharField(allow_null=True)


class PlaybackGroupSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=["uk", "ja", "en"])
    dub_team = DubTeamRefSerializer(allow_null=True)
    sources = PlaybackSourceSerializer(many=True)


class PlaybackSerializer(serializers.Serializer):
    episode = EpisodeSerializer()
    previous = EpisodeRefSerializer(allow_null=True)
    next = EpisodeRefSerializer(allow_null=True)
    groups = PlaybackGroupSerializer(many=True)


class ReportInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ReportResultSerializer(serializers.Serializer):
    created = serializers.BooleanField(help_text="False when this visitor already reported today")
    message = serializers.CharField()
