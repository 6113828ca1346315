"""Template tags of the forum's pages: the likes and dislikes of a page of posts, the reasons
a post may be reported for."""

from django import template

from forum.board.posts import votes_of
from forum.discussions.models import ReportReason

register = template.Library()
NO_VOTES = {"likes": 0, "dislikes": 0, "my_vote": 0}


@register.simple_tag
def forum_votes(posts, user) -> dict:
    """{post id: {likes, dislikes, my_vote}} for a page of posts, in two queries."""
    return votes_of([post.pk for post in posts], user)


@register.filter
def vote_of(votes: dict, post_id: int) -> dict:
    return votes.get(post_id, NO_VOTES)


@register.simple_tag
def report_reasons() -> list[tuple[str, str]]:
    return ReportReason.choices
