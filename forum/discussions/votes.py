"""Likes and dislikes: one vote per user per object (1, -1, or 0 to withdraw), the object's
denormalised counts and Wilson score changed in the same transaction under the object's row
lock, so any number of parallel voters leave counts equal to the votes.

Reputation (the ledger is append-only; `accounts.reputation.award` is its only writer): a vote
row is kept when withdrawn, and each row gives the author `like_received` at most once and
`dislike_received` at most once, ever. So whatever a voter clicks, their effect on an author
stays within [-1, +1]: like → +1; like → withdraw → +1 (not taken back); like → dislike → 0
(+1 then -1); flipping again adds nothing. Voting on yourself is refused (and `award` ignores
self-inflicted events anyway).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction

from accounts.reputation import award

from .models import Comment, CommentVote, ForumPostScore, ForumPostVote, wilson_lower_bound

VALUES = (-1, 0, 1)
# votable model -> (its vote model, the vote's field pointing at it)
VOTABLE: dict[type[models.Model], tuple[type[models.Model], str]] = {
    Comment: (CommentVote, "comment"),
    ForumPostScore: (ForumPostVote, "score"),  # a forum post's counts (forum/board)
}


def register_votable(model, vote_model, field: str) -> None:
    """Let another model (forum posts) be voted on with the same rules."""
    VOTABLE[model] = (vote_model, field)


def author_of(target):
    """Who wrote it: a comment's `author`, a forum post's `poster` (through its score row)."""
    return target.author if isinstance(target, Comment) else target.poster


def cast_vote(user, target, value: int) -> dict:
    """Set `user`'s vote on `target` to `value`; the counts after it and the user's vote."""
    if value not in VALUES:
        raise ValidationError("Голос має бути 1, -1 або 0.")
    if author_of(target).pk == user.pk:
        raise PermissionDenied("Не можна голосувати за власний допис.")
    vote_model, field = VOTABLE[type(target)]
    with transaction.atomic():
        locked = type(target).objects.select_for_update().get(pk=target.pk)
        vote, _ = vote_model.objects.get_or_create(**{field: locked, "user": user})
        previous = vote.value
        if previous != value:
            locked.likes += (value == 1) - (previous == 1)
            locked.dislikes += (value == -1) - (previous == -1)
            locked.wilson = wilson_lower_bound(locked.likes, locked.dislikes)
            locked.save(update_fields=["likes", "dislikes", "wilson"])
            vote.value = value
            vote.save(update_fields=["value", "updated"])
            kind = {1: "like_received", -1: "dislike_received"}.get(value)
            if kind:
                award(author_of(target), kind, vote, actor=user)
    return {"likes": locked.likes, "dislikes": locked.dislikes, "my_vote": value}
