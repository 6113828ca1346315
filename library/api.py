"""The signed-in visitor's library under `/api/me/`: the list (`list/`), watch progress
(`progress/`) and history (`history/`), subscriptions (`subscriptions/`), notifications
(`notifications/`) and the MyAnimeList import/export (`list/import/`, `list/export/`).

Every endpoint answers 401 JSON when signed out, never caches (`private, no-store`), and
addresses only the caller's own rows: another user's id is a 404, as if it did not exist.
Writes refuse banned users (accounts.bans.NotBanned)."""

from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotAuthenticated, NotFound
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.bans import NotBanned
from cms.anime.models import AnimePage, EpisodePage
from cms.catalog.models import TitlePage
from cms.catalog.neighbours import with_neighbours
from cms.dubbing.models import DubTeamPage
from config.api_errors import ApiErrorSerializer, BadParameter, parse_int

from . import mal
from . import serializers as s
from .models import ListEntry, ListStatus, Notification, Subscription, WatchProgress
from .progress import live_episode, record_progress
from .ratings import refresh_rating

BAD_REQUEST = OpenApiResponse(ApiErrorSerializer, description="Bad input")
NOT_SIGNED_IN = OpenApiResponse(ApiErrorSerializer, description="Not signed in")
FORBIDDEN = OpenApiResponse(ApiErrorSerializer, description="Banned or CSRF check failed")
NOT_FOUND = OpenApiResponse(ApiErrorSerializer, description="Not found (or not yours)")
ERRORS = {400: BAD_REQUEST, 401: NOT_SIGNED_IN, 403: FORBIDDEN, 404: NOT_FOUND}


def errors(*codes: int) -> dict:
    """The documented error answers of an operation (each the one ApiError body)."""
    return {code: ERRORS[code] for code in codes}


TAGS = ["library"]
MAX_LIMIT = 200
TITLE_FIELDS = ("id", "kind", "title", "title_en", "year", "poster_url", "url_path")
EPISODE_FIELDS = ("id", "number", "title", "url_path", "path", "depth")

LIST_ORDERS = {
    "-updated": ("-updated_at", "-id"),
    "-added": ("-created_at", "-id"),
    "title": ("title__title", "id"),
    "-score": (F("score").desc(nulls_last=True), "-updated_at", "-id"),
}


class SignedIn(BasePermission):
    def has_permission(self, request, view) -> bool:
        if not request.user.is_authenticated:
            raise NotAuthenticated("Потрібно увійти.")
        return True


class MeApiView(APIView):
    """Base of every library endpoint: signed in (401 otherwise), not banned for writes,
    answers never cached by anyone."""

    permission_classes = (SignedIn, NotBanned)

    def get_authenticate_header(self, request) -> str:
        return "Session"  # DRF answers 401 (not 403) only when there is a scheme to name

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


def paging(params, default: int = 50) -> tuple[int, int]:
    limit = parse_int(params, "limit", minimum=1, maximum=MAX_LIMIT, default=default)
    offset = parse_int(params, "offset", minimum=0, default=0)
    return limit, offset


def choice(params, name: str, allowed) -> str | None:
    value = params.get(name) or None
    if value is not None and value not in allowed:
        raise BadParameter(name, f"{name}: допустимі значення — {', '.join(allowed)}.")
    return value


def live_title(title_id: int) -> TitlePage:
    title = TitlePage.objects.live().filter(pk=title_id).only(*TITLE_FIELDS).first()
    if title is None:
        raise NotFound("Тайтл не знайдено.")
    return title


def entry_queryset(user):
    return ListEntry.objects.filter(user=user).select_related("title")


# --- the list -------------------------------------------------------------------------------


class ListView(MeApiView):
    @extend_schema(
        operation_id="me_list",
        summary="My list, filtered by status and kind",
        parameters=[
            OpenApiParameter("status", enum=list(ListStatus.values)),
            OpenApiParameter("kind", enum=["anime", "manga"]),
            OpenApiParameter("favourite", bool, description="Лише улюблені"),
            OpenApiParameter("title", int, many=True, description="Лише ці тайтли (до 100)"),
            OpenApiParameter("order", enum=list(LIST_ORDERS), description="Типово -updated"),
            OpenApiParameter("limit", int, description=f"1–{MAX_LIMIT}, типово 50"),
            OpenApiParameter("offset", int),
        ],
        responses={200: s.ListSerializer, **errors(400, 401)},
        tags=TAGS,
    )
    def get(self, request):
        params = request.query_params
        status = choice(params, "status", ListStatus.values)
        kind = choice(params, "kind", ("anime", "manga"))
        order = choice(params, "order", list(LIST_ORDERS)) or "-updated"
        limit, offset = paging(params)
        entries = entry_queryset(request.user)
        if status:
            entries = entries.filter(status=status)
        if kind:
            entries = entries.filter(title__kind=kind)
        if params.get("favourite") in ("1", "true"):
            entries = entries.filter(favourite=True)
        titles = params.getlist("title")
        if titles:
            if len(titles) > 100:
                raise BadParameter("title", "title: не більше 100 значень.")
            ids = [parse_int({"title": raw}, "title", minimum=1) for raw in titles]
            entries = entries.filter(title_id__in=ids)
        counts = ListEntry.objects.filter(user=request.user).aggregate(
            **{value: Count("id", filter=Q(status=value)) for value in ListStatus.values},
            favourite=Count("id", filter=Q(favourite=True)),
        )
        data = {
            "items": list(entries.order_by(*LIST_ORDERS[order])[offset : offset + limit]),
            "meta": {"total_count": entries.count(), "counts": counts},
        }
        return Response(s.ListSerializer(data).data)


class ListEntryView(MeApiView):
    @extend_schema(
        operation_id="me_list_entry",
        summary="One title in my list",
        responses={200: s.ListEntrySerializer, **errors(401, 404)},
        tags=TAGS,
    )
    def get(self, request, title_id: int):
        entry = entry_queryset(request.user).filter(title_id=title_id).first()
        if entry is None:
            raise NotFound("Цього тайтлу немає у вашому списку.")
        return Response(s.ListEntrySerializer(entry).data)

    @extend_schema(
        operation_id="me_list_put",
        summary="Add a title to my list or change its status, favourite mark or score",
        request=s.ListEntryInputSerializer,
        responses={
            200: s.ListEntrySerializer,
            201: s.ListEntrySerializer,
            **errors(400, 401, 403, 404),
        },
        tags=TAGS,
    )
    def put(self, request, title_id: int):
        changes = s.ListEntryInputSerializer(data=request.data)
        changes.is_valid(raise_exception=True)
        title = live_title(title_id)
        with transaction.atomic():
            entry, created = ListEntry.objects.select_for_update().get_or_create(
                user=request.user, title=title
            )
            score_before = None if created else entry.score
            for field, value in changes.validated_data.items():
                setattr(entry, field, value)
            entry.save()
            if entry.score != score_before:
                refresh_rating(title.pk)
        title.refresh_from_db(fields=["rating", "rating_count"])  # the rating with this score
        entry.title = title
        return Response(s.ListEntrySerializer(entry).data, status=201 if created else 200)

    @extend_schema(
        operation_id="me_list_delete",
        summary="Remove a title from my list (its score too)",
        responses={204: None, **errors(401, 403, 404)},
        tags=TAGS,
    )
    def delete(self, request, title_id: int):
        with transaction.atomic():
            entry = (
                ListEntry.objects.select_for_update()
                .filter(user=request.user, title_id=title_id)
                .first()
            )
            if entry is None:
                raise NotFound("Цього тайтлу немає у вашому списку.")
            entry.delete()
            if entry.score is not None:
                refresh_rating(title_id)
        return Response(status=204)


# --- progress and history --------------------------------------------------------------------


def progress_queryset(user):
    return WatchProgress.objects.filter(user=user).select_related("episode")


class ProgressListView(MeApiView):
    @extend_schema(
        operation_id="me_progress",
        summary="Where I stopped in a title's episodes (or in one episode)",
        parameters=[
            OpenApiParameter("title", int, description="Серії цього тайтлу"),
            OpenApiParameter("episode", int, description="Або одна серія"),
        ],
        responses={200: s.ProgressListSerializer, **errors(400, 401)},
        tags=TAGS,
    )
    def get(self, request):
        title_id = parse_int(request.query_params, "title", minimum=1)
        episode_id = parse_int(request.query_params, "episode", minimum=1)
        if title_id is None and episode_id is None:
            raise BadParameter("title", "Вкажіть title або episode.")
        rows = progress_queryset(request.user)
        if title_id is not None:
            rows = rows.filter(title_id=title_id)
        if episode_id is not None:
            rows = rows.filter(episode_id=episode_id)
        items = list(rows.order_by("episode__number"))
        return Response(s.ProgressListSerializer({"items": items}).data)


class ProgressView(MeApiView):
    @extend_schema(
        operation_id="me_progress_put",
        summary="Save where I stopped (every ~15 s, on pause and on exit)",
        description="POST does the same, for `navigator.sendBeacon` (form fields plus "
        "`csrfmiddlewaretoken`). Watched to 80 % counts as completed.",
        request=s.ProgressInputSerializer,
        responses={200: s.ProgressSerializer, **errors(400, 401, 403, 404)},
        tags=TAGS,
    )
    def put(self, request, episode_id: int):
        data = s.ProgressInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = live_episode(episode_id)
        if found is None:
            raise NotFound("Серію не знайдено.")
        episode, title = found
        progress = record_progress(request.user, episode, title, **data.validated_data)
        progress.episode = episode
        return Response(s.ProgressSerializer(progress).data)

    @extend_schema(
        operation_id="me_progress_beacon",
        summary="Save where I stopped (sendBeacon on unload)",
        request=s.ProgressInputSerializer,
        responses={200: s.ProgressSerializer, **errors(400, 401, 403, 404)},
        tags=TAGS,
    )
    def post(self, request, episode_id: int):
        return self.put(request, episode_id)


class HistoryView(MeApiView):
    @extend_schema(
        operation_id="me_history",
        summary="What I watched, newest first",
        parameters=[
            OpenApiParameter("per_title", bool, description="Лише остання серія кожного тайтлу"),
            OpenApiParameter("limit", int, description=f"1–{MAX_LIMIT}, типово 50"),
            OpenApiParameter("offset", int),
        ],
        responses={200: s.HistorySerializer, **errors(400, 401)},
        tags=TAGS,
    )
    def get(self, request):
        limit, offset = paging(request.query_params)
        rows = WatchProgress.objects.filter(
            user=request.user,
            episode__live=True,
            title__live=True,
        )
        if request.query_params.get("per_title") in ("1", "true"):
            latest = (
                WatchProgress.objects.filter(user=request.user, title=OuterRef("title"))
                .order_by("-updated_at", "-id")
                .values("id")[:1]
            )
            rows = rows.filter(id=Subquery(latest))
        total = rows.count()
        page = list(
            rows.select_related("title")
            .only("position", "duration", "completed", "updated_at", "episode_id", "title_id")
            .order_by("-updated_at", "-id")[offset : offset + limit]
        )
        episodes = with_neighbours(
            EpisodePage.objects.filter(id__in=[row.episode_id for row in page]).only(
                *EPISODE_FIELDS
            )
        ).in_bulk()
        for row in page:
            row.episode = episodes[row.episode_id]
            row.next = row.episode.next_ref
        return Response(s.HistorySerializer({"items": page, "meta": {"total_count": total}}).data)


# --- subscriptions and notifications -------------------------------------------------------


def subscription_queryset(user):
    return (
        Subscription.objects.filter(user=user)
        .select_related("title", "dub_team__logo")
        .prefetch_related("dub_team__logo__renditions")
    )


class SubscriptionsView(MeApiView):
    @extend_schema(
        operation_id="me_subscriptions",
        summary="My subscriptions to new episodes",
        parameters=[OpenApiParameter("title", int, description="Лише цього тайтлу")],
        responses={200: s.SubscriptionListSerializer, **errors(400, 401)},
        tags=TAGS,
    )
    def get(self, request):
        rows = subscription_queryset(request.user).order_by("-created_at", "-id")
        title_id = parse_int(request.query_params, "title", minimum=1)
        if title_id is not None:
            rows = rows.filter(title_id=title_id)
        return Response(s.SubscriptionListSerializer({"items": list(rows)}).data)

    @extend_schema(
        operation_id="me_subscribe",
        summary="Subscribe to a title's new episodes in one dub team (null: any Ukrainian dub)",
        request=s.SubscriptionInputSerializer,
        responses={
            200: s.SubscriptionSerializer,
            201: s.SubscriptionSerializer,
            **errors(400, 401, 403),
        },
        tags=TAGS,
    )
    def post(self, request):
        data = s.SubscriptionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if not AnimePage.objects.live().filter(pk=values["title"]).exists():
            raise BadParameter("title", "Такого аніме немає.")
        team_id = values["dub_team"]
        if team_id is not None and not DubTeamPage.objects.live().filter(pk=team_id).exists():
            raise BadParameter("dub_team", "Такої команди озвучення немає.")
        with transaction.atomic():
            subscription, created = Subscription.objects.get_or_create(
                user=request.user,
                title_id=values["title"],
                dub_team_id=team_id,
                defaults={"email": values["email"]},
            )
            if not created and subscription.email != values["email"]:
                subscription.email = values["email"]
                subscription.save(update_fields=["email"])
        subscription = subscription_queryset(request.user).get(pk=subscription.pk)
        return Response(s.SubscriptionSerializer(subscription).data, status=201 if created else 200)


class SubscriptionView(MeApiView):
    @extend_schema(
        operation_id="me_unsubscribe",
        summary="Cancel a subscription",
        responses={204: None, **errors(401, 403, 404)},
        tags=TAGS,
    )
    def delete(self, request, subscription_id: int):
        deleted, _ = Subscription.objects.filter(user=request.user, pk=subscription_id).delete()
        if not deleted:
            raise NotFound("Підписку не знайдено.")
        return Response(status=204)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


class NotificationsView(MeApiView):
    @extend_schema(
        operation_id="me_notifications",
        summary="My notifications, newest first",
        parameters=[
            OpenApiParameter("unread", bool, description="Лише непрочитані"),
            OpenApiParameter("limit", int, description=f"1–{MAX_LIMIT}, типово 20"),
            OpenApiParameter("offset", int),
        ],
        responses={200: s.NotificationListSerializer, **errors(400, 401)},
        tags=TAGS,
    )
    def get(self, request):
        limit, offset = paging(request.query_params, default=20)
        rows = Notification.objects.filter(user=request.user, episode__live=True)
        if request.query_params.get("unread") in ("1", "true"):
            rows = rows.filter(read_at__isnull=True)
        page = list(
            rows.select_related("title", "episode", "dub_team__logo")
            .prefetch_related("dub_team__logo__renditions")
            .order_by("-created_at", "-id")[offset : offset + limit]
        )
        for row in page:
            row.read = row.read_at is not None
        meta = {"total_count": rows.count(), "unread_count": unread_count(request.user)}
        return Response(s.NotificationListSerializer({"items": page, "meta": meta}).data)


class NotificationsReadView(MeApiView):
    @extend_schema(
        operation_id="me_notifications_read",
        summary="Mark notifications read (the given ids, or all)",
        request=s.NotificationsReadInputSerializer,
        responses={200: s.UnreadCountSerializer, **errors(400, 401, 403, 404)},
        tags=TAGS,
    )
    def post(self, request):
        data = s.NotificationsReadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rows = Notification.objects.filter(user=request.user)
        ids = data.validated_data.get("ids")
        if ids is not None:
            ids = set(ids)
            if rows.filter(id__in=ids).count() != len(ids):
                raise NotFound("Сповіщення не знайдено.")
            rows = rows.filter(id__in=ids)
        rows.filter(read_at__isnull=True).update(read_at=timezone.now())
        return Response({"unread_count": unread_count(request.user)})


# --- MyAnimeList import and export ----------------------------------------------------------


class MalImportView(MeApiView):
    @extend_schema(
        operation_id="me_list_import",
        summary="Import a MyAnimeList export (XML, plain or gzip) into my list",
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}},
                "required": ["file"],
            }
        },
        responses={200: s.MalImportResultSerializer, **errors(400, 401, 403)},
        tags=TAGS,
    )
    def post(self, request):
        upload = request.FILES.get("file")
        if upload is None:
            raise BadParameter("file", "Додайте файл експорту MyAnimeList.")
        if upload.size > mal.MAX_UPLOAD:
            raise BadParameter("file", "Файл завеликий: не більше 10 МБ.")
        try:
            result = mal.import_export(request.user, upload.read())
        except mal.MalFileError as error:
            raise BadParameter("file", str(error)) from error
        return Response(s.MalImportResultSerializer(result).data)


class MalExportView(MeApiView):
    @extend_schema(
        operation_id="me_list_export",
        summary="My list as a MyAnimeList export, importable into MyAnimeList",
        parameters=[OpenApiParameter("kind", enum=["anime", "manga"], description="Типово anime")],
        responses={
            (200, "application/xml"): OpenApiTypes.BINARY,
            **errors(400, 401),
        },
        tags=TAGS,
    )
    def get(self, request):
        kind = choice(request.query_params, "kind", ("anime", "manga")) or "anime"
        response = HttpResponse(mal.export_list(request.user, kind), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="anihata-{kind}list.xml"'
        return response
