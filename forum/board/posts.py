"""Forum posts in our community rules: likes and dislikes through `discussions.votes` (one vote
per user per post, changeable, not on your own, counts under the row lock of the post's score
row, reputation for the author), and `forum_post` reputation for each approved post written."""

from __future__ import annotations

from machina.apps.forum_conversation.models import Post

from accounts.reputation import award
from forum.discussions.models import ForumPostScore, ForumPostVote
from forum.discussions.votes import cast_vote


def score_of(post: Post) -> ForumPostScore:
    """The post's score row, made on first use (safe when two first voters race)."""
    ForumPostScore.objects.bulk_create([ForumPostScore(post=post)], ignore_conflicts=True)
    return ForumPostScore.objects.select_related("post__poster").get(post=post)


def vote_on_post(user, post: Post, value: int) -> dict:
    return cast_vote(user, score_of(post), value)


def votes_of(post_ids, user) -> dict[int, dict]:
    """{post id: {likes, dislikes, my_vote}} for the posts that have votes."""
    scores = {s.pk: s for s in ForumPostScore.objects.filter(post_id__in=post_ids)}
    mine = {}
    if user is not None and user.is_authenticated:
        mine = dict(
            ForumPostVote.objects.filter(score_id__in=scores, user=user).values_list(
                "score_id", "value"
            )
        )
    return {
        pk: {"likes": s.likes, "dislikes": s.dislikes, "my_vote": mine.get(pk, 0)}
        for pk, s in scores.items()
    }


def on_post_saved(sender, instance: Post, created: bool, **kwargs) -> None:
    """+`forum_post` for the author of an approved post (once per post, whenever approved)."""
    if instance.poster_id is None or not instance.approved:
        return
    award(instance.poster, "forum_post", instance)
