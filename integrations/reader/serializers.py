"""The reader API's shape, for the OpenAPI schema and the front end's generated types."""

from rest_framework import serializers

from cms.catalog.serializers import ChapterRefSerializer, TranslatorField

QUALITIES = ("data", "data-saver")


class ReaderChapterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.DecimalField(max_digits=7, decimal_places=2)
    volume = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    language = serializers.CharField()
    translator = TranslatorField()


class ReaderPageSerializer(serializers.Serializer):
    url = serializers.CharField(
        help_text="Адреса зображення сторінки (на хості зображень, або наш шлях "
        "/api/reader/…, коли READER_PROXY_IMAGES увімкнено)"
    )
    width = serializers.IntegerField(allow_null=True, help_text="Ширина, якщо відома")
    height = serializers.IntegerField(allow_null=True, help_text="Висота, якщо відома")


class ReaderSerializer(serializers.Serializer):
    chapter = ReaderChapterSerializer()
    pages = ReaderPageSerializer(many=True)
    previous = ChapterRefSerializer(allow_null=True)
    next = ChapterRefSerializer(allow_null=True)
    source_url = serializers.URLField(
        allow_null=True, help_text="Де розділ можна прочитати в джерелі (MangaDex, перекладачі)"
    )
    message = serializers.CharField(
        allow_null=True,
        help_text="Чому сторінок немає (розділ недоступний), українською; null, коли вони є",
    )


class ReaderQuerySerializer(serializers.Serializer):
    quality = serializers.ChoiceField(
        choices=QUALITIES,
        required=False,
        default="data",
        help_text="data-saver: менші зображення MangaDex",
    )
