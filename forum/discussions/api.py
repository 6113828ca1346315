"""Comments API (`/api/comments/`), reports (`/api/reports/`) and the moderators' queue
(`/api/moderation/`). Thin views: the rules live in `comments`, `votes` and `moderation`."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.bans import NotBanned
from accounts.roles import can
from config.api_errors import ApiErrorSerializer, BadParameter, parse_int
from forum.board.latest import public_posts

from . import comments, moderation
from .models import Comment, Report
from .serializers import (
    CommentEditSerializer,
    CommentInputSerializer,
    CommentPageSerializer,
    CommentReportInputSerializer,
    CommentSerializer,
    ModerationActionSerializer,
    ModerationReportSerializer,
    ModerationResultSerializer,
    ReportCreatedSerializer,
    ReportDecisionSerializer,
    RevisionSerializer,
    VoteInputSerializer,
    VoteResultSerializer,
)
from .votes import cast_vote

MAX_ID = 2**63 - 1


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ApiErrorSerializer, description=description)


BAD_REQUEST = error("Некоректні дані")
FORBIDDEN = error("Не увійшли, заблоковані або немає права")
NOT_FOUND = error("Не знайдено")
TOO_MANY = error("Забагато коментарів (ліміт на користувача)")
MODERATION_RESPONSES = {
    200: ModerationResultSerializer,
    400: BAD_REQUEST,
    403: FORBIDDEN,
    404: NOT_FOUND,
}


class Writer(BasePermission):
    """Reads for everyone; writes for signed-in users who are not banned."""

    def has_permission(self, request, view) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        return IsAuthenticated().has_permission(request, view) and NotBanned().has_permission(
            request, view
        )


class IsModerator(BasePermission):
    message = "Ця дія доступна лише модераторам."

    def has_permission(self, request, view) -> bool:
        return can(request.user, "moderate_content")


def get_comment(pk: int, *, visible: bool = False) -> Comment:
    comment = (
        Comment.objects.select_related("author").filter(pk=pk).first() if pk <= MAX_ID else None
    )
    if comment is None or (visible and not comment.is_visible):
        raise NotFound("Коментар не знайдено.")
    return comment


def personal(response: Response, request) -> Response:
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    return response


class CommentsView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="comments_list",
        summary="A page's comment threads (cursor pages of threads, replies nested)",
        parameters=[
            OpenApiParameter("page", int, required=True, description="Id сторінки"),
            OpenApiParameter("sort", str, enum=list(comments.SORTS), description="new|old|best"),
            OpenApiParameter("cursor", str, description="Курсор з `next`"),
            OpenApiParameter("limit", int, description="Гілок на сторінку (1–50)"),
        ],
        responses={200: CommentPageSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
        tags=["comments"],
    )
    def get(self, request):
        page_id = parse_int(request.GET, "page", minimum=1)
        if page_id is None:
            raise BadParameter("page", "Вкажіть сторінку (page).")
        sort = request.GET.get("sort") or "new"
        if sort not in comments.SORTS:
            raise BadParameter("sort", "Сортування: new, old або best.")
        limit = parse_int(request.GET, "limit", minimum=1, maximum=50, default=comments.PAGE_SIZE)
        page = comments.commentable_page(page_id)
        if page is None:
            raise NotFound("Сторінку не знайдено.")
        threads = comments.thread_page(
            page, sort=sort, cursor=request.GET.get("cursor"), limit=limit
        )
        votes = comments.votes_of(request.user, list(comments.walk(threads.roots)))
        data = {
            "results": CommentSerializer(threads.roots, many=True, context={"votes": votes}).data,
            "next": threads.next_cursor,
        }
        return personal(Response(data), request)

    @extend_schema(
        operation_id="comments_create",
        summary="Post a comment or a reply",
        request=CommentInputSerializer,
        responses={
            201: CommentSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            429: TOO_MANY,
        },
        tags=["comments"],
    )
    def post(self, request):
        form = CommentInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        page = comments.commentable_page(form.validated_data["page"])
        if page is None:
            raise BadParameter("page", "Коментувати можна лише тайтли, серії та розділи.")
        parent = None
        if form.validated_data.get("parent"):
            parent = Comment.objects.filter(pk=form.validated_data["parent"]).first()
            if parent is None or parent.page_id != page.pk:
                raise BadParameter("parent", "Коментар, на який ви відповідаєте, не знайдено.")
        comment = comments.post_comment(request.user, page, form.validated_data["body"], parent)
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class CommentView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="comments_retrieve",
        summary="One comment (without replies)",
        responses={200: CommentSerializer, 404: NOT_FOUND},
        tags=["comments"],
    )
    def get(self, request, pk: int):
        comment = get_comment(pk)
        votes = comments.votes_of(request.user, [comment])
        return personal(
            Response(CommentSerializer(comment, context={"votes": votes}).data), request
        )

    @extend_schema(
        operation_id="comments_edit",
        summary="Edit your comment within the edit window (the old text is kept)",
        request=CommentEditSerializer,
        responses={200: CommentSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["comments"],
    )
    def patch(self, request, pk: int):
        comment = get_comment(pk)
        form = CommentEditSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        comment = comments.edit_comment(request.user, comment, form.validated_data["body"])
        votes = comments.votes_of(request.user, [comment])
        return Response(CommentSerializer(comment, context={"votes": votes}).data)

    @extend_schema(
        operation_id="comments_delete",
        summary="Delete your comment (its text is hidden, the replies stay)",
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["comments"],
    )
    def delete(self, request, pk: int):
        comments.delete_own_comment(request.user, get_comment(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CommentHistoryView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="comments_history",
        summary="The earlier texts of an edited comment, oldest first",
        responses={200: RevisionSerializer(many=True), 404: NOT_FOUND},
        tags=["comments"],
    )
    def get(self, request, pk: int):
        comment = get_comment(pk, visible=True)
        return Response(RevisionSerializer(comment.revisions.all(), many=True).data)


class CommentVoteView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="comments_vote",
        summary="Like (1), dislike (-1) or withdraw (0) your vote",
        request=VoteInputSerializer,
        responses={200: VoteResultSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
        tags=["comments"],
    )
    def post(self, request, pk: int):
        comment = get_comment(pk, visible=True)
        form = VoteInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        return Response(cast_vote(request.user, comment, form.validated_data["value"]))


class ReportsView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="reports_create",
        summary="Report a comment or a forum post to the moderators (one open report per object)",
        request=CommentReportInputSerializer,
        responses={
            201: ReportCreatedSerializer,
            400: BAD_REQUEST,
            403: FORBIDDEN,
            404: NOT_FOUND,
            409: error("Ваша скарга на це вже чекає на розгляд"),
        },
        tags=["comments"],
    )
    def post(self, request):
        form = CommentReportInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        if "comment" in data:
            target = get_comment(data["comment"], visible=True)
        else:
            target = public_posts().filter(pk=data["forum_post"]).first()
            if target is None:
                raise NotFound("Допис не знайдено.")
        try:
            report = moderation.file_report(request.user, target, data["reason"], data["text"])
        except moderation.AlreadyReported:
            return Response(
                {"detail": "Ви вже поскаржилися на це, скарга чекає на розгляд."},
                status=status.HTTP_409_CONFLICT,
            )
        message = "Дякуємо! Модератори розглянуть скаргу."
        return Response({"id": report.pk, "message": message}, status=status.HTTP_201_CREATED)


class ModerationReportsView(APIView):
    permission_classes = (IsModerator,)

    @extend_schema(
        operation_id="moderation_reports",
        summary="The moderation queue: open reports, oldest first",
        responses={200: ModerationReportSerializer(many=True), 403: FORBIDDEN},
        tags=["moderation"],
    )
    def get(self, request):
        reports = moderation.open_reports()[:200]
        response = Response(ModerationReportSerializer(reports, many=True).data)
        response["Cache-Control"] = "private, no-store"
        return response


class ModerationReportView(APIView):
    permission_classes = (IsModerator, NotBanned)

    @extend_schema(
        operation_id="moderation_report_decide",
        summary="Uphold (with an action on the comment or forum post) or reject a report",
        request=ReportDecisionSerializer,
        responses=MODERATION_RESPONSES,
        tags=["moderation"],
    )
    def post(self, request, pk: int):
        report = (
            Report.objects.select_related("comment__author", "forum_post__poster")
            .filter(pk=pk)
            .first()
            if pk <= MAX_ID
            else None
        )
        if report is None:
            raise NotFound("Скаргу не знайдено.")
        form = ReportDecisionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        if data["decision"] == "reject":
            moderation.reject_report(request.user, report, data["reason"])
            return Response({"detail": "Скаргу відхилено."})
        moderation.uphold_report(
            request.user, report, data["reason"], data["action"], data.get("days")
        )
        return Response({"detail": "Скаргу підтверджено."})


class ModerationCommentView(APIView):
    permission_classes = (IsModerator, NotBanned)

    @extend_schema(
        operation_id="moderation_comment_action",
        summary="Hide, restore or delete a comment, or ban its author",
        request=ModerationActionSerializer,
        responses=MODERATION_RESPONSES,
        tags=["moderation"],
    )
    def post(self, request, pk: int):
        comment = get_comment(pk)
        form = ModerationActionSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        moderation.apply(request.user, comment, data["action"], data["reason"], data.get("days"))
        return Response({"detail": moderation.ACTIONS[f"discussions.{data['action']}"][1] + "."})
