"""Comments: who may comment where, posting (with the per-user rate limits), editing within the
window (the old text kept), deleting by the author, and a page's threads in cursor pages.

A page of threads costs three queries whatever its size: the thread roots (with authors), every
reply of those roots (one `root__in` query, nested in Python), and the reader's own votes.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework.exceptions import APIException
from wagtail.models import Page

from accounts.reputation import award
from cms.anime.models import AnimePage, EpisodePage
from cms.manga.models import ChapterPage, MangaPage
from config.api_errors import BadParameter
from config.client_ip import count_hit

from .markup import render
from .models import Comment, CommentRevision, CommentStatus, CommentVote

COMMENTABLE_PAGES = (AnimePage, MangaPage, EpisodePage, ChapterPage)
MAX_LENGTH = 5000
MAX_DEPTH = 5  # depths 0..4: a reply to the deepest level joins its parent's replies
EDIT_WINDOW = timedelta(minutes=15)
# (at most N comments, per S seconds) for each user
RATE_LIMITS = ((1, 10), (100, 3600))
PAGE_SIZE = 20
SORTS = {
    "new": ("-created", "-id"),
    "old": ("created", "id"),
    "best": ("-wilson", "-id"),
}


class RateLimited(APIException):
    status_code = 429
    default_detail = "Забагато коментарів. Спробуйте пізніше."

    def __init__(self, detail: str, wait: int):
        super().__init__(detail)
        self.wait = wait  # DRF's handler turns it into Retry-After


def commentable_page(page_id: int) -> Page | None:
    """The live title, episode or chapter page with this id, or None."""
    content_types = ContentType.objects.get_for_models(*COMMENTABLE_PAGES).values()
    return Page.objects.live().filter(pk=page_id, content_type__in=content_types).first()


def clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError("Коментар не може бути порожнім.")
    if len(body) > MAX_LENGTH:
        raise ValidationError(f"Коментар задовгий: не більше {MAX_LENGTH} символів.")
    return body


def check_rate_limits(user) -> None:
    for count, seconds in RATE_LIMITS:
        hits = count_hit(f"comment-{seconds}", str(user.pk), seconds)
        if hits is not None and hits > count:
            if seconds < 60:
                message = f"Не частіше ніж раз на {seconds} секунд. Зачекайте трохи."
            else:
                message = f"Забагато коментарів: не більше {count} на годину. Спробуйте пізніше."
            raise RateLimited(message, seconds)


def post_comment(author, page: Page, body: str, parent: Comment | None = None) -> Comment:
    body = clean_body(body)
    if parent is not None:
        if parent.page_id != page.pk:
            raise ValidationError("Відповідь має бути на тій самій сторінці, що й коментар.")
        if parent.depth >= MAX_DEPTH - 1:
            parent = parent.parent
    check_rate_limits(author)
    with transaction.atomic():
        comment = Comment.objects.create(
            page=page,
            parent=parent,
            root_id=(parent.root_id or parent.pk) if parent else None,
            depth=parent.depth + 1 if parent else 0,
            author=author,
            body=body,
            html=render(body),
        )
        award(author, "comment_posted", comment)
    return comment


def editable_until(comment: Comment) -> datetime:
    return comment.created + EDIT_WINDOW


def edit_comment(user, comment: Comment, body: str) -> Comment:
    """The author changes the text within the window; the previous text is kept."""
    if comment.author_id != user.pk:
        raise PermissionDenied("Редагувати можна лише власний коментар.")
    if not comment.is_visible:
        raise PermissionDenied("Цей коментар більше не можна редагувати.")
    if timezone.now() > editable_until(comment):
        raise PermissionDenied("Час на редагування минув.")
    body = clean_body(body)
    if body == comment.body:
        return comment
    with transaction.atomic():
        CommentRevision.objects.create(
            comment=comment, body=comment.body, created=comment.edited or comment.created
        )
        comment.body, comment.html, comment.edited = body, render(body), timezone.now()
        comment.save(update_fields=["body", "html", "edited"])
    return comment


def delete_own_comment(user, comment: Comment) -> Comment:
    """The author deletes: the text is hidden from everyone, the replies stay."""
    if comment.author_id != user.pk:
        raise PermissionDenied("Видалити можна лише власний коментар.")
    if comment.status != CommentStatus.DELETED:
        comment.status = CommentStatus.DELETED
        comment.save(update_fields=["status"])
    return comment


# --- Reading: threads in cursor pages -------------------------------------------------------


@dataclass
class ThreadPage:
    roots: list[Comment]
    next_cursor: str | None


def encode_cursor(comment: Comment, sort: str) -> str:
    key = comment.wilson if sort == "best" else comment.created.isoformat()
    raw = json.dumps([key, comment.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> Q:
    """The filter selecting what comes after the cursor in this sort order."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, pk = json.loads(raw)
        if not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError
        if sort == "best":
            if not isinstance(key, int | float) or isinstance(key, bool):
                raise ValueError
            return Q(wilson__lt=key) | Q(wilson=key, pk__lt=pk)
        moment = datetime.fromisoformat(key)
        if moment.tzinfo is None:
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, OverflowError):
        raise BadParameter("cursor", "Некоректний курсор сторінки.") from None
    if sort == "new":
        return Q(created__lt=moment) | Q(created=moment, pk__lt=pk)
    return Q(created__gt=moment) | Q(created=moment, pk__gt=pk)


def thread_page(page: Page, *, sort: str = "new", cursor: str | None = None, limit=PAGE_SIZE):
    """One page of the page's threads (roots in `sort` order), each root with `replies_tree`
    (its replies nested, oldest first) set."""
    roots = Comment.objects.filter(page=page, parent__isnull=True).select_related("author")
    if cursor:
        roots = roots.filter(decode_cursor(cursor, sort))
    roots = list(roots.order_by(*SORTS[sort])[: limit + 1])
    next_cursor = encode_cursor(roots[limit - 1], sort) if len(roots) > limit else None
    roots = roots[:limit]
    replies = Comment.objects.filter(root__in=roots).select_related("author")
    children: dict[int, list[Comment]] = {}
    for reply in replies.order_by("created", "id"):
        children.setdefault(reply.parent_id, []).append(reply)
    for comment in [*roots, *(reply for group in children.values() for reply in group)]:
        comment.replies_tree = children.get(comment.pk, [])
    return ThreadPage(roots=roots, next_cursor=next_cursor)


def votes_of(user, comments) -> dict[int, int]:
    """{comment id: the user's vote} for these comments (one query)."""
    if not user.is_authenticated:
        return {}
    ids = [comment.pk for comment in comments]
    return dict(
        CommentVote.objects.filter(user=user, comment_id__in=ids).values_list("comment_id", "value")
    )


def walk(comments):
    """Every comment of these threads, replies included."""
    for comment in comments:
        yield comment
        yield from walk(getattr(comment, "replies_tree", []))
