"""Reading positions under `/api/me/reading/`: where a signed-in reader stopped in a manga
chapter, so another device opens it at the same page, and which chapters of a title they are
reading (the chapter list marks them «Читаю»).

- `GET /api/me/reading/?title=<id>`: the caller's positions in a manga's chapters;
- `GET /api/me/reading/<chapter_id>/`: the position in one chapter (404 when none);
- `PUT /api/me/reading/<chapter_id>/ {"page", "total", "completed"}`: save it.

`record_reading` is the one writer. Reading a chapter to the end the first time (decided under
the row's lock) moves the manga's list entry to «watching» (a planned or absent title), like
an episode watched does. Same rules as the rest of library/api.py: 401 signed out, 404 for a
chapter that is not live, 400 for bad input, answers never cached."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from cms.catalog.serializers import ChapterRefSerializer
from cms.manga.models import ChapterPage, MangaPage
from config.api_errors import BadParameter, parse_int

from .api import BAD_REQUEST, FORBIDDEN, NOT_FOUND, NOT_SIGNED_IN, TAGS, MeApiView
from .models import ListEntry, ListStatus, ReadingPosition

MAX_PAGES = 10_000
BOOLEAN_ERRORS = {"invalid": "Значення має бути true або false."}


class ReadingInputSerializer(serializers.Serializer):
    page = serializers.IntegerField(
        min_value=0,
        max_value=MAX_PAGES,
        error_messages={
            "invalid": "Сторінка — ціле число (з 0).",
            "required": "Вкажіть сторінку.",
            "min_value": "Сторінка не може бути меншою за 0.",
            "max_value": f"Сторінка не може бути більшою за {MAX_PAGES}.",
        },
    )
    total = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGES,
        error_messages={
            "invalid": "Кількість сторінок — ціле число.",
            "required": "Вкажіть кількість сторінок.",
            "min_value": "У розділі є хоча б одна сторінка.",
            "max_value": f"Сторінок не може бути більше за {MAX_PAGES}.",
        },
    )
    completed = serializers.BooleanField(
        required=False, default=False, error_messages=BOOLEAN_ERRORS
    )

    def validate(self, data):
        if data["page"] >= data["total"]:
            raise serializers.ValidationError({"page": "Сторінка має бути меншою за кількість."})
        return data


class ReadingSerializer(serializers.Serializer):
    chapter = ChapterRefSerializer()
    page = serializers.IntegerField(help_text="Сторінка, на якій зупинилися (з 0)")
    total = serializers.IntegerField(allow_null=True)
    completed = serializers.BooleanField()
    updated_at = serializers.DateTimeField()


class ReadingListSerializer(serializers.Serializer):
    items = ReadingSerializer(many=True)


def live_chapter(chapter_id: int) -> tuple[ChapterPage, MangaPage] | None:
    """A live chapter of a live manga, with its manga; None when either is not published."""
    chapter = ChapterPage.objects.live().filter(pk=chapter_id).first()
    if chapter is None:
        return None
    manga = MangaPage.objects.live().filter(path=chapter.path[: -ChapterPage.steplen]).first()
    return (chapter, manga) if manga is not None else None


def record_reading(
    user, chapter: ChapterPage, manga: MangaPage, *, page: int, total: int, completed: bool
) -> ReadingPosition:
    with transaction.atomic():
        position, created = ReadingPosition.objects.select_for_update().get_or_create(
            user=user,
            chapter=chapter,
            defaults={"title": manga, "page": page, "total": total, "completed": completed},
        )
        newly_completed = completed and (created or not position.completed)
        if not created:
            position.page, position.total = page, total
            position.completed = position.completed or completed
            position.save(update_fields=["page", "total", "completed", "updated_at"])
        if newly_completed:
            entry, _ = ListEntry.objects.select_for_update().get_or_create(
                user=user, title=manga, defaults={"status": ListStatus.WATCHING}
            )
            if entry.status == ListStatus.PLANNED:
                entry.status = ListStatus.WATCHING
                entry.save(update_fields=["status", "updated_at"])
    return position


def positions(user):
    return (
        ReadingPosition.objects.filter(user=user, chapter__live=True)
        .select_related("chapter")
        .order_by("-updated_at", "-id")
    )


class ReadingListView(MeApiView):
    @extend_schema(
        operation_id="me_reading_list",
        summary="Where I stopped in a manga's chapters",
        parameters=[OpenApiParameter("title", int, required=True, description="Манґа (id)")],
        responses={200: ReadingListSerializer, 400: BAD_REQUEST, 401: NOT_SIGNED_IN},
        tags=TAGS,
    )
    def get(self, request):
        title = parse_int(request.query_params, "title", minimum=1)
        if title is None:
            raise BadParameter("title", "Вкажіть манґу (title).")
        rows = positions(request.user).filter(title_id=title)
        return Response(ReadingListSerializer({"items": rows}).data)


class ReadingView(MeApiView):
    @extend_schema(
        operation_id="me_reading",
        summary="Where I stopped in a chapter",
        responses={200: ReadingSerializer, 401: NOT_SIGNED_IN, 404: NOT_FOUND},
        tags=TAGS,
    )
    def get(self, request, chapter_id: int):
        position = positions(request.user).filter(chapter_id=chapter_id).first()
        if position is None:
            raise NotFound("Розділ ще не читали.")
        return Response(ReadingSerializer(position).data)

    @extend_schema(
        operation_id="me_reading_put",
        summary="Save where I stopped in a chapter (as pages turn)",
        request=ReadingInputSerializer,
        responses={
            200: ReadingSerializer,
            400: BAD_REQUEST,
            401: NOT_SIGNED_IN,
            403: FORBIDDEN,
            404: NOT_FOUND,
        },
        tags=TAGS,
    )
    def put(self, request, chapter_id: int):
        data = ReadingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = live_chapter(chapter_id)
        if found is None:
            raise NotFound("Розділ не знайдено.")
        chapter, manga = found
        position = record_reading(request.user, chapter, manga, **data.validated_data)
        position.chapter = chapter
        return Response(ReadingSerializer(position).data)
