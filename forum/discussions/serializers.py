"""The shapes of the comments, reports and moderation API (one serializer per shape)."""

from __future__ import annotations

from django.utils.text import Truncator
from rest_framework import serializers

from cms.catalog.paths import page_path
from config.api_errors import INT_MAX
from forum.board.topics import post_url

from .comments import MAX_LENGTH, editable_until
from .models import Comment, CommentStatus, ReportReason
from .moderation import REPORT_ACTIONS


class AuthorSerializer(serializers.Serializer):
    username = serializers.CharField()


class CommentSerializer(serializers.Serializer):
    """A comment with its replies nested. A hidden or deleted comment keeps its place in the
    thread but shows neither text nor author."""

    id = serializers.IntegerField()
    page = serializers.IntegerField(source="page_id")
    parent = serializers.IntegerField(source="parent_id", allow_null=True)
    author = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=CommentStatus.choices)
    body = serializers.SerializerMethodField()
    html = serializers.SerializerMethodField()
    likes = serializers.IntegerField()
    dislikes = serializers.IntegerField()
    my_vote = serializers.SerializerMethodField()
    created = serializers.DateTimeField()
    edited = serializers.DateTimeField(allow_null=True)
    editable_until = serializers.SerializerMethodField()

    def get_author(self, comment: Comment) -> AuthorSerializer(allow_null=True):
        return {"username": comment.author.username} if comment.is_visible else None

    def get_body(self, comment: Comment) -> str:
        return comment.body if comment.is_visible else ""

    def get_html(self, comment: Comment) -> str:
        return comment.html if comment.is_visible else ""

    def get_my_vote(self, comment: Comment) -> int:
        return self.context.get("votes", {}).get(comment.pk, 0)

    def get_editable_until(self, comment: Comment) -> serializers.DateTimeField():
        return serializers.DateTimeField().to_representation(editable_until(comment))

    def to_representation(self, comment):
        if not hasattr(comment, "replies_tree"):  # a single comment: no replies loaded
            comment.replies_tree = []
        return super().to_representation(comment)


# The replies, nested: the same shape, from the tree `comments.thread_page` builds.
CommentSerializer._declared_fields["replies"] = CommentSerializer(
    source="replies_tree", many=True, read_only=True
)


class CommentPageSerializer(serializers.Serializer):
    results = CommentSerializer(many=True)
    next = serializers.CharField(allow_null=True, help_text="Курсор наступної сторінки")


class CommentInputSerializer(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, max_value=INT_MAX)
    body = serializers.CharField(max_length=MAX_LENGTH)
    parent = serializers.IntegerField(
        min_value=1, max_value=2**63 - 1, required=False, allow_null=True
    )


class CommentEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=MAX_LENGTH)


class RevisionSerializer(serializers.Serializer):
    body = serializers.CharField()
    created = serializers.DateTimeField()
    replaced = serializers.DateTimeField()


class VoteInputSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=[(1, "1"), (-1, "-1"), (0, "0")])


class VoteResultSerializer(serializers.Serializer):
    likes = serializers.IntegerField()
    dislikes = serializers.IntegerField()
    my_vote = serializers.IntegerField()


class CommentReportInputSerializer(serializers.Serializer):
    """What is reported: a comment or a forum post (exactly one of the two)."""

    comment = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    forum_post = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    reason = serializers.ChoiceField(choices=ReportReason.choices)
    text = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")

    def validate(self, data):
        if ("comment" in data) == ("forum_post" in data):
            raise serializers.ValidationError(
                "Вкажіть або коментар (comment), або допис форуму (forum_post)."
            )
        return data


class ReportCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.CharField()


class ReportedPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, page) -> str:
        return page_path(page.url_path)


class ReportedCommentSerializer(serializers.Serializer):
    """What a moderator sees of the reported comment: everything, whatever its state."""

    id = serializers.IntegerField()
    author = AuthorSerializer()
    status = serializers.ChoiceField(choices=CommentStatus.choices)
    body = serializers.CharField()
    html = serializers.CharField()
    created = serializers.DateTimeField()
    page = ReportedPageSerializer()


class ReportedForumPostSerializer(serializers.Serializer):
    """What a moderator sees of the reported forum post, approved or not."""

    id = serializers.IntegerField()
    author = serializers.SerializerMethodField()
    subject = serializers.CharField()
    url = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    approved = serializers.BooleanField()
    created = serializers.DateTimeField()

    def get_author(self, post) -> AuthorSerializer(allow_null=True):
        return AuthorSerializer(post.poster).data if post.poster_id else None

    def get_url(self, post) -> str:
        return post_url(post)

    def get_body(self, post) -> str:
        """The start of the post's text (Markdown source), at most 500 characters."""
        return Truncator(post.content.raw).chars(500)


class ModerationReportSerializer(serializers.Serializer):
    """A report on a comment (`forum_post` null) or on a forum post (`comment` null)."""

    id = serializers.IntegerField()
    reporter = AuthorSerializer()
    reason = serializers.ChoiceField(choices=ReportReason.choices)
    text = serializers.CharField()
    status = serializers.CharField()
    created = serializers.DateTimeField()
    comment = ReportedCommentSerializer(allow_null=True)
    forum_post = ReportedForumPostSerializer(allow_null=True)


class ModeratorReasonSerializer(serializers.Serializer):
    # Why (every action needs it) and, for a ban, for how many days (none: permanent).
    reason = serializers.CharField(max_length=1000)
    days = serializers.IntegerField(min_value=1, max_value=36500, required=False, allow_null=True)


class ModerationActionSerializer(ModeratorReasonSerializer):
    action = serializers.ChoiceField(choices=["hide", "restore", "delete", "ban_author"])


class ReportDecisionSerializer(ModeratorReasonSerializer):
    decision = serializers.ChoiceField(choices=["uphold", "reject"])
    action = serializers.ChoiceField(choices=REPORT_ACTIONS, default="hide")


class ModerationResultSerializer(serializers.Serializer):
    detail = serializers.CharField()
