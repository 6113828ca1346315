"""Routes of the forum's public API, included under /api/."""

from django.urls import path

from . import api

urlpatterns = [
    path(
        "forum/title-topic/<int:page_id>/", api.TitleTopicView.as_view(), name="forum-title-topic"
    ),
    path("forum/latest/", api.LatestTopicsView.as_view(), name="forum-latest"),
    path("forum/posts/<int:pk>/vote/", api.ForumPostVoteView.as_view(), name="forum-post-vote"),
]
