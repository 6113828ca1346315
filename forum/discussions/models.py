"""Comments, their edit history and votes, and visitors' reports.

Counts of likes and dislikes (and the Wilson score that sorts "best") live on the comment and
are changed only by `votes.cast_vote`, under the comment's row lock, in the same transaction as
the vote row: they always equal the votes. A vote withdrawn keeps its row with value 0, so the
reputation it caused is keyed on one row for good (see `votes.py`).
"""

from __future__ import annotations

import math

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

WILSON_Z = 1.96  # 95 % confidence


def wilson_lower_bound(likes: int, dislikes: int) -> float:
    """The lower bound of the Wilson score interval of the share of likes: few votes count for
    less than many, so 1 like of 1 sorts below 90 likes of 100."""
    total = likes + dislikes
    if total == 0:
        return 0.0
    share = likes / total
    z2 = WILSON_Z * WILSON_Z
    centre = share + z2 / (2 * total)
    spread = WILSON_Z * math.sqrt((share * (1 - share) + z2 / (4 * total)) / total)
    return (centre - spread) / (1 + z2 / total)


class CommentStatus(models.TextChoices):
    VISIBLE = "visible", "Видимий"
    HIDDEN = "hidden", "Прихований модератором"
    DELETED = "deleted", "Видалений"


class Comment(models.Model):
    """A comment on a title, an episode or a chapter page; replies point at their parent and
    at the thread's first comment (`root`), so a page of threads is two queries."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="сторінка",
        on_delete=models.CASCADE,
        related_name="discussion_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="відповідь на",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    root = models.ForeignKey(
        "self",
        verbose_name="гілка",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread_comments",
    )
    depth = models.PositiveSmallIntegerField("глибина", default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="автор",
        on_delete=models.CASCADE,
        related_name="comments",
    )
    body = models.TextField("текст (Markdown)")
    html = models.TextField("текст (HTML)")
    status = models.CharField(
        "стан", max_length=10, choices=CommentStatus.choices, default=CommentStatus.VISIBLE
    )
    created = models.DateTimeField("створено", default=timezone.now)
    edited = models.DateTimeField("змінено", null=True, blank=True)
    likes = models.PositiveIntegerField("вподобання", default=0)
    dislikes = models.PositiveIntegerField("невподобання", default=0)
    wilson = models.FloatField("рейтинг", default=0.0)

    class Meta:
        verbose_name = "коментар"
        verbose_name_plural = "коментарі"
        indexes = [
            models.Index(fields=["page", "parent", "-created", "-id"], name="comment_new"),
            models.Index(fields=["page", "parent", "-wilson", "-id"], name="comment_best"),
            models.Index(fields=["author", "-created"], name="comment_author_recent"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.author_id}: {self.body[:40]}"

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.VISIBLE


class CommentRevision(models.Model):
    """The text a comment had before an edit (the edit history)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField("текст")
    created = models.DateTimeField("написано", help_text="Коли цей текст було збережено")
    replaced = models.DateTimeField("замінено", default=timezone.now)

    class Meta:
        verbose_name = "попередня версія коментаря"
        verbose_name_plural = "попередні версії коментарів"
        ordering = ["replaced", "id"]

    def __str__(self) -> str:
        return f"#{self.comment_id} @ {self.replaced:%Y-%m-%d %H:%M}"


class BaseVote(models.Model):
    """One user's vote on one object: 1 like, -1 dislike, 0 withdrawn (the row stays)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField("голос", default=0)
    updated = models.DateTimeField("змінено", auto_now=True)

    class Meta:
        abstract = True


class CommentVote(BaseVote):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")

    class Meta:
        verbose_name = "голос за коментар"
        verbose_name_plural = "голоси за коментарі"
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="comment_vote_once"),
            models.CheckConstraint(condition=Q(value__in=(-1, 0, 1)), name="comment_vote_value"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → #{self.comment_id}: {self.value}"


class ForumPostScore(models.Model):
    """Likes, dislikes and Wilson score of a forum post (machina's `Post` has no room for
    them): the row `votes.cast_vote` locks and counts on, made on the post's first vote."""

    post = models.OneToOneField(
        "forum_conversation.Post",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="score",
        verbose_name="допис форуму",
    )
    likes = models.PositiveIntegerField("вподобання", default=0)
    dislikes = models.PositiveIntegerField("невподобання", default=0)
    wilson = models.FloatField("рейтинг", default=0.0)

    class Meta:
        verbose_name = "оцінки допису форуму"
        verbose_name_plural = "оцінки дописів форуму"

    def __str__(self) -> str:
        return f"#{self.pk}: +{self.likes} −{self.dislikes}"

    @property
    def poster(self):
        """The post's author (what `votes.author_of` reads)."""
        return self.post.poster


class ForumPostVote(BaseVote):
    score = models.ForeignKey(ForumPostScore, on_delete=models.CASCADE, related_name="votes")

    class Meta:
        verbose_name = "голос за допис форуму"
        verbose_name_plural = "голоси за дописи форуму"
        constraints = [
            models.UniqueConstraint(fields=["score", "user"], name="forum_post_vote_once"),
            models.CheckConstraint(condition=Q(value__in=(-1, 0, 1)), name="forum_post_vote_value"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → forum post #{self.score_id}: {self.value}"


class ReportReason(models.TextChoices):
    SPAM = "spam", "Спам"
    ABUSE = "abuse", "Образи"
    SPOILER = "spoiler", "Спойлер"
    OTHER = "other", "Інше"


class ReportStatus(models.TextChoices):
    OPEN = "open", "Відкрита"
    UPHELD = "upheld", "Підтверджена"
    REJECTED = "rejected", "Відхилена"


class Report(models.Model):
    """A visitor's report about a comment or a forum post (exactly one of the two); one open
    report per reporter and object."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="скаржник",
        on_delete=models.CASCADE,
        related_name="reports",
    )
    comment = models.ForeignKey(
        Comment,
        verbose_name="коментар",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    forum_post = models.ForeignKey(
        "forum_conversation.Post",
        verbose_name="допис форуму",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    reason = models.CharField("причина", max_length=10, choices=ReportReason.choices)
    text = models.TextField("пояснення", blank=True)
    status = models.CharField(
        "стан", max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created = models.DateTimeField("створено", default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="розглянув",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField("розглянуто", null=True, blank=True)
    resolution = models.TextField("рішення", blank=True)

    class Meta:
        verbose_name = "скарга"
        verbose_name_plural = "скарги"
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(status="open"),
                name="report_open_once",
            ),
            models.UniqueConstraint(
                fields=["reporter", "forum_post"],
                condition=Q(status="open"),
                name="report_post_open_once",
            ),
            models.CheckConstraint(
                condition=Q(comment__isnull=False, forum_post__isnull=True)
                | Q(comment__isnull=True, forum_post__isnull=False),
                name="report_one_object",
            ),
        ]
        indexes = [models.Index(fields=["status", "created"], name="report_queue")]

    def __str__(self) -> str:
        if self.forum_post_id:
            return f"{self.get_reason_display()}: допис #{self.forum_post_id}"
        return f"{self.get_reason_display()}: #{self.comment_id}"

    @property
    def target(self):
        """The reported comment or forum post."""
        return self.forum_post if self.forum_post_id else self.comment
