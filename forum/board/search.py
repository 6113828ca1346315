"""Forum search (machina's search pages) on the database through a haystack engine of ours.

haystack's `simple` backend drops every filter machina adds (forum, poster, topic subjects) into
its text terms and then matches only the last term; this one reads the same SearchQuerySet
properly: every word must appear (post subject, text or topic subject, case-insensitive),
machina's filters apply, only approved posts are found, newest first, one page at a time.
Settings: HAYSTACK_CONNECTIONS["default"]["ENGINE"] = "forum.board.search.ForumSearchEngine"."""

import re
from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Q
from haystack import connections
from haystack.backends import BaseEngine, SearchNode
from haystack.backends.simple_backend import SimpleSearchBackend, SimpleSearchQuery
from haystack.inputs import BaseInput
from haystack.models import SearchResult
from machina.apps.forum_conversation.models import Post

MAX_TERMS = 10


def _words(value) -> list[str]:
    text = value.query_string if isinstance(value, BaseInput) else str(value)
    words = [w.strip("\"'").lstrip("-+") for w in text.split()]
    return [w for w in words if w and w != "*"][:MAX_TERMS]


def contains_text(field: str, word: str) -> Q:
    """`word` in `field`, case-insensitive in every script: SQLite's LIKE (`icontains`) folds
    ASCII only, so «фрірен» missed «Фрірен» under `make dev`; there Django runs `iregex` with
    Python's Unicode-aware re."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field}__iregex": re.escape(word)})
    return Q(**{f"{field}__icontains": word})


def _text_filter(words: list[str], *fields: str) -> Q:
    return reduce(
        and_,
        (reduce(lambda a, b: a | b, (contains_text(f, w) for f in fields)) for w in words),
        Q(),
    )


class ForumSearchQuery(SimpleSearchQuery):
    def conditions(self, node=None) -> list[tuple[str, str, object]]:
        """(field, filter type, value) of every condition (machina only ANDs them)."""
        node = self.query_filter if node is None else node
        found = []
        for child in node.children:
            if isinstance(child, SearchNode):
                found += self.conditions(child)
            else:
                field, filter_type = node.split_expression(child[0])
                found.append((field, filter_type, child[1]))
        return found

    def build_params(self, spelling_query=None):
        params = super().build_params(spelling_query)
        params["conditions"] = self.conditions()
        return params


class ForumSearchBackend(SimpleSearchBackend):
    def search(self, query_string, conditions=(), start_offset=0, end_offset=None, **kwargs):
        posts = Post.approved_objects.select_related("topic", "topic__forum", "poster")
        searched = False
        for field, filter_type, value in conditions:
            if field in {"content", "text"}:
                words = _words(value)
                posts = posts.filter(_text_filter(words, "subject", "content", "topic__subject"))
                searched = searched or bool(words)
            elif field == "topic_subject":
                posts = posts.filter(_text_filter(_words(value), "topic__subject"))
            elif field == "poster_name":
                posts = posts.filter(
                    contains_text("poster__username", str(value))
                    | contains_text("username", str(value))
                )
            elif field == "forum" and filter_type == "in":
                posts = posts.filter(topic__forum_id__in=[int(v) for v in value])
            elif field == "forum":
                posts = posts.filter(topic__forum_id=int(value))
        if not searched:
            return {"results": [], "hits": 0}
        posts = posts.order_by("-created", "-pk")
        hits = posts.count()
        index = connections[self.connection_alias].get_unified_index().get_index(Post)
        results = []
        for post in posts[start_offset:end_offset]:
            data = index.full_prepare(post)
            fields = {k: v for k, v in data.items() if k not in {"id", "django_ct", "django_id"}}
            result = SearchResult("forum_conversation", "post", post.pk, 0, **fields)
            result._object = post
            results.append(result)
        return {"results": results, "hits": hits}


class ForumSearchEngine(BaseEngine):
    backend = ForumSearchBackend
    query = ForumSearchQuery
