"""Routes of the comments, reports and moderation API, included under /api/."""

from django.urls import path

from . import api

urlpatterns = [
    path("comments/", api.CommentsView.as_view(), name="comments"),
    path("comments/<int:pk>/", api.CommentView.as_view(), name="comment"),
    path("comments/<int:pk>/history/", api.CommentHistoryView.as_view(), name="comment-history"),
    path("comments/<int:pk>/vote/", api.CommentVoteView.as_view(), name="comment-vote"),
    path("reports/", api.ReportsView.as_view(), name="reports"),
    path("moderation/reports/", api.ModerationReportsView.as_view(), name="moderation-reports"),
    path(
        "moderation/reports/<int:pk>/",
        api.ModerationReportView.as_view(),
        name="moderation-report",
    ),
    path(
        "moderation/comments/<int:pk>/",
        api.ModerationCommentView.as_view(),
        name="moderation-comment",
    ),
]
