"""Every moderator action, as plain functions taking the actor (the API, the Wagtail admin and
the CRM call these; nothing else changes a comment's state on a moderator's behalf).

- `hide`, `restore`, `delete`: a comment's visibility; hiding or deleting costs the author
  `content_removed` (once per comment: restoring does not refund it);
- `ban_author`: a ban for the comment's author, by the rank rules of `accounts.roles.can`;
- `hide_post`, `delete_post`: a forum post's (machina's `Post`) — hiding unapproves it,
  deleting removes it (machina removes a topic left without posts); both cost the poster
  `content_removed`;
- `uphold_report` (applies an action to the reported comment or forum post and closes every
  open report on it, each reporter earning `report_upheld`) and `reject_report`;
- `file_report`: a visitor's report on a comment or a forum post (one open report per
  reporter and object);
- `open_reports`: the moderation queue.

Each action needs a reason and is written to Wagtail's audit log (`ModelLogEntry`) under a
registered action name (`ACTIONS`, registered in `wagtail_hooks.py`) with the actor and
`data={"reason": …}`, so the CRM's audit screen reads one place.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from machina.apps.forum_conversation.models import Post
from wagtail.log_actions import log

from accounts.bans import ban_user
from accounts.models import Ban
from accounts.reputation import award
from accounts.roles import can

from .models import Comment, CommentStatus, Report, ReportStatus

# action name -> (label, past-tense message) for Wagtail's audit log
ACTIONS = {
    "discussions.hide": ("Приховати коментар", "Коментар приховано"),
    "discussions.restore": ("Відновити коментар", "Коментар відновлено"),
    "discussions.delete": ("Видалити коментар", "Коментар видалено модератором"),
    "discussions.ban_author": ("Заблокувати автора", "Автора коментаря заблоковано"),
    "discussions.hide_post": ("Приховати допис форуму", "Допис форуму приховано"),
    "discussions.delete_post": ("Видалити допис форуму", "Допис форуму видалено модератором"),
    "discussions.report_upheld": ("Підтвердити скаргу", "Скаргу підтверджено"),
    "discussions.report_rejected": ("Відхилити скаргу", "Скаргу відхилено"),
}
# what a moderator may do to the reported comment or post when upholding a report
REPORT_ACTIONS = ("hide", "delete", "ban_author", "none")


class ModerationDenied(PermissionDenied):
    pass


class AlreadyReported(Exception):
    """The reporter already has an open report on this object."""


def _author(target: Comment | Post):
    return target.poster if isinstance(target, Post) else target.author


def file_report(reporter, target: Comment | Post, reason: str, text: str = "") -> Report:
    """Report a comment or a forum post (never your own)."""
    is_post = isinstance(target, Post)
    author_id = target.poster_id if is_post else target.author_id
    if author_id == reporter.pk:
        what = "допис" if is_post else "коментар"
        raise ValidationError(f"Не можна скаржитися на власний {what}.")
    fields = {"forum_post": target} if is_post else {"comment": target}
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=reporter, reason=reason, text=text.strip(), **fields
            )
    except IntegrityError:
        raise AlreadyReported from None


def _require_moderator(actor) -> None:
    if not can(actor, "moderate_content"):
        raise ModerationDenied("Ця дія доступна лише модераторам.")


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Вкажіть причину.")
    return reason[:1000]


def _set_status(actor, comment: Comment, status: str, action: str, reason: str) -> Comment:
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        previous = locked.status
        locked.status = status
        locked.save(update_fields=["status"])
        log(locked, action, user=actor, data={"reason": reason, "previous": previous})
        if status != CommentStatus.VISIBLE and previous == CommentStatus.VISIBLE:
            award(locked.author, "content_removed", locked, actor=actor)
    comment.status = status
    return comment


def hide(actor, comment: Comment, reason: str) -> Comment:
    """Hide the text from everyone (the thread stays); the author loses reputation."""
    _require_moderator(actor)
    return _set_status(actor, comment, CommentStatus.HIDDEN, "discussions.hide", _reason(reason))


def restore(actor, comment: Comment, reason: str) -> Comment:
    _require_moderator(actor)
    return _set_status(
        actor, comment, CommentStatus.VISIBLE, "discussions.restore", _reason(reason)
    )


def delete(actor, comment: Comment, reason: str) -> Comment:
    _require_moderator(actor)
    return _set_status(actor, comment, CommentStatus.DELETED, "discussions.delete", _reason(reason))


def hide_post(actor, post: Post, reason: str) -> Post:
    """Unapprove a forum post (machina shows it to moderators only); the poster loses
    reputation if it was approved."""
    _require_moderator(actor)
    reason = _reason(reason)
    with transaction.atomic():
        locked = Post.objects.select_for_update().get(pk=post.pk)
        was_approved = locked.approved
        locked.approved = False
        locked.save()
        log(locked, "discussions.hide_post", user=actor, data={"reason": reason})
        if was_approved and locked.poster_id is not None:
            award(locked.poster, "content_removed", locked, actor=actor)
    post.approved = False
    return post


def delete_post(actor, post: Post, reason: str) -> None:
    """Delete a forum post (a topic left without posts goes too); costs the poster reputation."""
    _require_moderator(actor)
    reason = _reason(reason)
    with transaction.atomic():
        locked = Post.objects.select_for_update().get(pk=post.pk)
        log(locked, "discussions.delete_post", user=actor, data={"reason": reason})
        if locked.approved and locked.poster_id is not None:
            award(locked.poster, "content_removed", locked, actor=actor)
        locked.delete()


def ban_author(actor, target: Comment | Post, reason: str, days: int | None = None) -> Ban:
    """Ban the author of a comment or forum post (nobody of equal or higher rank than the
    actor)."""
    reason = _reason(reason)
    author = _author(target)
    if author is None or not can(actor, "ban_user", author):
        raise ModerationDenied("Ви не можете заблокувати цього користувача.")
    with transaction.atomic():
        ban = ban_user(author, reason=reason, days=days, author=actor)
        log(
            target,
            "discussions.ban_author",
            user=actor,
            data={"reason": reason, "days": days, "user": author.username},
        )
    return ban


def apply(actor, comment: Comment, action: str, reason: str, days: int | None = None):
    """One of the actions by name (the API's and the admin's single entry)."""
    handlers = {
        "hide": hide,
        "restore": restore,
        "delete": delete,
        "ban_author": lambda a, c, r: ban_author(a, c, r, days),
    }
    if action not in handlers:
        raise ValidationError(f"Невідома дія: {action}.")
    return handlers[action](actor, comment, reason)


def uphold_report(
    actor, report: Report, reason: str, action: str = "hide", days: int | None = None
) -> list[Report]:
    """Agree with the report: close every open report on its comment or forum post as upheld
    (each reporter earns `report_upheld`), then apply `action` to that object (hide, delete,
    ban the author and hide, or none). Returns the reports closed."""
    _require_moderator(actor)
    reason = _reason(reason)
    if action not in REPORT_ACTIONS:
        raise ValidationError(f"Невідома дія: {action}.")
    if report.forum_post_id:
        same_object = {"forum_post_id": report.forum_post_id}
        actions = {"hide": hide_post, "delete": delete_post}
    else:
        same_object = {"comment_id": report.comment_id}
        actions = {"hide": hide, "delete": delete}
    with transaction.atomic():
        reports = list(
            Report.objects.select_for_update()
            .filter(status=ReportStatus.OPEN, **same_object)
            .select_related("reporter")
        )
        if not reports:
            raise ValidationError("Скаргу вже розглянуто.")
        # closed first: deleting a forum post deletes its reports with it
        for open_report in reports:
            _close(actor, open_report, ReportStatus.UPHELD, reason)
            award(open_report.reporter, "report_upheld", open_report, actor=actor)
        target = report.target
        if action == "ban_author":
            ban_author(actor, target, reason, days)
            actions["hide"](actor, target, reason)
        elif action != "none":
            actions[action](actor, target, reason)
    return reports


def reject_report(actor, report: Report, reason: str) -> Report:
    _require_moderator(actor)
    reason = _reason(reason)
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.status != ReportStatus.OPEN:
            raise ValidationError("Скаргу вже розглянуто.")
        _close(actor, locked, ReportStatus.REJECTED, reason)
    return locked


def _close(actor, report: Report, status: str, reason: str) -> None:
    report.status = status
    report.resolved_by = actor
    report.resolved_at = timezone.now()
    report.resolution = reason
    report.save(update_fields=["status", "resolved_by", "resolved_at", "resolution"])
    log(report, f"discussions.report_{status}", user=actor, data={"reason": reason})


def open_reports() -> QuerySet[Report]:
    """The moderation queue: open reports, oldest first, with what the screen shows."""
    return (
        Report.objects.filter(status=ReportStatus.OPEN)
        .select_related(
            "reporter",
            "comment__author",
            "comment__page",
            "forum_post__poster",
            "forum_post__topic__forum",
        )
        .order_by("created", "id")
    )
