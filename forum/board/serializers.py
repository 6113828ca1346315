"""Shapes of the forum's small public API (the title's topic, the latest topics)."""

from rest_framework import serializers


class TitleTopicSerializer(serializers.Serializer):
    page = serializers.IntegerField(help_text="Id сторінки тайтлу")
    topic = serializers.IntegerField(help_text="Id теми форуму")
    subject = serializers.CharField()
    url = serializers.CharField(help_text="Шлях теми на сайті (/forum/…)")
    replies = serializers.IntegerField(help_text="Відповідей у темі (без першого допису)")


class ForumRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField()


class LatestTopicSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    subject = serializers.CharField()
    url = serializers.CharField(help_text="Шлях теми на сайті (/forum/…)")
    forum = ForumRefSerializer()
    replies = serializers.IntegerField()
    last_post_at = serializers.DateTimeField(allow_null=True)
    last_poster = serializers.CharField(allow_null=True, help_text="Ім'я автора останнього допису")


class LatestTopicsSerializer(serializers.Serializer):
    results = LatestTopicSerializer(many=True)


class InstantTopicSerializer(serializers.Serializer):
    """A forum topic in the header's instant search."""

    id = serializers.IntegerField()
    title = serializers.CharField(help_text="Заголовок теми")
    url = serializers.CharField(help_text="Шлях теми на сайті (/forum/…)")
    forum = serializers.CharField(help_text="Назва форуму")
