"""Serializers of the `/api/me/` library endpoints: what comes in (validated, Ukrainian
messages) and what goes out (titles, episodes and teams in the shared shapes of
cms.catalog.serializers)."""

from rest_framework import serializers

from cms.catalog.serializers import (
    DubTeamRefSerializer,
    EpisodeRefSerializer,
    TitleSummarySerializer,
)

from .models import ListStatus

MAX_POSITION = 24 * 60 * 60  # seconds: no episode is longer than a day
BOOLEAN_ERRORS = {"invalid": "Очікується true або false."}


class ListEntryInputSerializer(serializers.Serializer):
    """`PUT /api/me/list/<title_id>/`: omitted fields keep their value (a new entry starts
    «У планах», not favourite, without a score)."""

    status = serializers.ChoiceField(
        choices=ListStatus.choices,
        required=False,
        error_messages={"invalid_choice": "Невідомий статус «{input}»."},
    )
    favourite = serializers.BooleanField(required=False, error_messages=BOOLEAN_ERRORS)
    score = serializers.IntegerField(
        min_value=1,
        max_value=10,
        allow_null=True,
        required=False,
        error_messages={
            "min_value": "Оцінка — від 1 до 10.",
            "max_value": "Оцінка — від 1 до 10.",
            "invalid": "Оцінка — ціле число від 1 до 10.",
        },
    )


class ListEntrySerializer(serializers.Serializer):
    title = TitleSummarySerializer()
    status = serializers.ChoiceField(choices=ListStatus.choices)
    favourite = serializers.BooleanField()
    score = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    title_rating = serializers.FloatField(
        source="title.rating",
        allow_null=True,
        help_text="Рейтинг тайтлу на сайті зараз (середня оцінка), з урахуванням цієї",
    )
    title_rating_count = serializers.IntegerField(
        source="title.rating_count", help_text="Скільки оцінок у рейтингу тайтлу"
    )


class StatusCountsSerializer(serializers.Serializer):
    watching = serializers.IntegerField()
    planned = serializers.IntegerField()
    completed = serializers.IntegerField()
    on_hold = serializers.IntegerField()
    dropped = serializers.IntegerField()
    favourite = serializers.IntegerField()


class ListMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField(help_text="Записів за поточним фільтром")
    counts = StatusCountsSerializer(help_text="Записів кожного статусу (без фільтрів)")


class ListSerializer(serializers.Serializer):
    items = ListEntrySerializer(many=True)
    meta = ListMetaSerializer()


class ProgressInputSerializer(serializers.Serializer):
    position = serializers.IntegerField(
        min_value=0,
        max_value=MAX_POSITION,
        error_messages={"invalid": "Позиція — ціле число секунд.", "required": "Вкажіть позицію."},
    )
    duration = serializers.IntegerField(
        min_value=1,
        max_value=MAX_POSITION,
        required=False,
        allow_null=True,
        help_text="Тривалість серії, с (плеєр знає її точніше за каталог)",
    )
    completed = serializers.BooleanField(
        required=False, default=False, error_messages=BOOLEAN_ERRORS
    )
    source = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        error_messages={"invalid": "Джерело — ціле число."},
        help_text="Джерело, яке грає плеєр (id з `sources`): для статистики команд озвучення",
    )


class ProgressSerializer(serializers.Serializer):
    episode = EpisodeRefSerializer()
    position = serializers.IntegerField()
    duration = serializers.IntegerField(allow_null=True)
    completed = serializers.BooleanField()
    updated_at = serializers.DateTimeField()


class ProgressListSerializer(serializers.Serializer):
    items = ProgressSerializer(many=True)


class HistoryItemSerializer(ProgressSerializer):
    title = TitleSummarySerializer()
    next = EpisodeRefSerializer(allow_null=True, help_text="Наступна серія, якщо вона вже є")


class PageMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()


class HistorySerializer(serializers.Serializer):
    items = HistoryItemSerializer(many=True)
    meta = PageMetaSerializer()


class SubscriptionInputSerializer(serializers.Serializer):
    title = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    dub_team = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, allow_null=True, required=False, default=None
    )
    email = serializers.BooleanField(required=False, default=False, error_messages=BOOLEAN_ERRORS)


class SubscriptionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = TitleSummarySerializer()
    dub_team = DubTeamRefSerializer(allow_null=True, help_text="Порожньо — будь-яка українська")
    email = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class SubscriptionListSerializer(serializers.Serializer):
    items = SubscriptionSerializer(many=True)


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()
    title = TitleSummarySerializer()
    episode = EpisodeRefSerializer()
    dub_team = DubTeamRefSerializer(allow_null=True)


class NotificationMetaSerializer(PageMetaSerializer):
    unread_count = serializers.IntegerField()


class NotificationListSerializer(serializers.Serializer):
    items = NotificationSerializer(many=True)
    meta = NotificationMetaSerializer()


class NotificationsReadInputSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        max_length=500,
        help_text="Які позначити прочитаними; без ids — усі",
    )


class UnreadCountSerializer(serializers.Serializer):
    unread_count = serializers.IntegerField()


class MalUnmatchedSerializer(serializers.Serializer):
    mal_id = serializers.IntegerField()
    title = serializers.CharField()


class MalImportResultSerializer(serializers.Serializer):
    imported = serializers.IntegerField(help_text="Додано нових тайтлів")
    updated = serializers.IntegerField(help_text="Змінено статус або оцінку")
    unmatched = MalUnmatchedSerializer(many=True, help_text="Яких тайтлів у нас немає")
