"""Comments API: posting and threads, Markdown and spoilers made safe, editing within the window
with history, author deletion, sorting and cursor pages without N+1, rate limits, bans and
hostile input (always a JSON 400/403/404/429, never a 500)."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.bans import ban_user
from accounts.models import ReputationEvent
from accounts.reputation import profile_of
from forum.discussions import comments
from forum.discussions.models import Comment, CommentRevision

pytestmark = pytest.mark.django_db

FIELDS = {
    "id",
    "page",
    "parent",
    "author",
    "status",
    "body",
    "html",
    "likes",
    "dislikes",
    "my_vote",
    "created",
    "edited",
    "editable_until",
    "replies",
}


def listing(client, page, **params):
    response = client.get("/api/comments/", {"page": page.pk, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_post_reply_and_list_a_thread(api, author, reader, episode, post_comment):
    first = post_comment(author, episode, "Перший **коментар**")
    assert set(first) == FIELDS
    assert first["author"] == {"username": "author"} and first["replies"] == []
    assert first["html"] == "<p>Перший <strong>коментар</strong></p>"
    reply = post_comment(reader, episode, "Відповідь", parent=first["id"])
    assert reply["parent"] == first["id"]
    post_comment(author, episode, "Ще одна", parent=reply["id"])

    data = listing(api(), episode)
    assert data["next"] is None
    [thread] = data["results"]
    assert thread["id"] == first["id"]
    assert thread["replies"][0]["body"] == "Відповідь"
    assert thread["replies"][0]["replies"][0]["body"] == "Ще одна"
    assert (
        ReputationEvent.objects.filter(user__username="author", kind="comment_posted").count() == 2
    )


def test_titles_and_chapters_take_comments_other_pages_do_not(
    api, author, anime, make_manga, post_comment, anime_index
):
    post_comment(author, anime, "Про тайтл")
    manga = make_manga("berserk")
    post_comment(author, manga, "Про мангу")
    response = api(author).post(
        "/api/comments/", {"page": anime_index.pk, "body": "x"}, format="json"
    )
    assert response.status_code == 400 and response.json()["parameter"] == "page"
    assert api().get("/api/comments/", {"page": anime_index.pk}).status_code == 404
    anime.unpublish()
    response = api(author).post("/api/comments/", {"page": anime.pk, "body": "x"}, format="json")
    assert response.status_code == 400


def test_markdown_is_sanitised_and_spoilers_marked(author, episode, post_comment):
    hostile = (
        "<script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[клік](javascript:alert(1)) [сайт](https://example.com) ||Фрірен ельфійка||"
    )
    html = post_comment(author, episode, hostile)["html"]
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.com" rel="nofollow ugc noopener noreferrer">сайт</a>' in html
    assert '<span class="spoiler">Фрірен ельфійка</span>' in html
    code = post_comment(author, episode, "`||не спойлер||`")["html"]
    assert code == "<p><code>||не спойлер||</code></p>"


def test_replies_deeper_than_the_limit_join_the_deepest_level(author, episode, post_comment):
    parent = None
    for _ in range(comments.MAX_DEPTH + 2):
        parent = post_comment(author, episode, "глибше", parent=parent and parent["id"])
    depths = sorted(Comment.objects.values_list("depth", flat=True))
    assert max(depths) == comments.MAX_DEPTH - 1
    assert len(set(Comment.objects.values_list("root", flat=True)) - {None}) == 1


def test_a_reply_must_be_on_the_same_page(api, author, anime, episode, post_comment):
    other = post_comment(author, anime)
    response = api(author).post(
        "/api/comments/", {"page": episode.pk, "body": "x", "parent": other["id"]}, format="json"
    )
    assert response.status_code == 400 and response.json()["parameter"] == "parent"


def test_edit_within_the_window_keeps_the_history(api, author, reader, episode, post_comment):
    comment = post_comment(author, episode, "Перша версія")
    client = api(author)
    response = client.patch(
        f"/api/comments/{comment['id']}/", {"body": "Друга версія"}, format="json"
    )
    assert response.status_code == 200 and response.json()["edited"]
    client.patch(f"/api/comments/{comment['id']}/", {"body": "Третя"}, format="json")
    history = api().get(f"/api/comments/{comment['id']}/history/").json()
    assert [entry["body"] for entry in history] == ["Перша версія", "Друга версія"]

    response = api(reader).patch(f"/api/comments/{comment['id']}/", {"body": "x"}, format="json")
    assert response.status_code == 403
    Comment.objects.filter(pk=comment["id"]).update(
        created=timezone.now() - comments.EDIT_WINDOW - timedelta(seconds=1)
    )
    response = client.patch(f"/api/comments/{comment['id']}/", {"body": "пізно"}, format="json")
    assert response.status_code == 403 and response.json()["detail"] == "Час на редагування минув."
    assert CommentRevision.objects.count() == 2


def test_author_deletes_text_thread_stays(api, author, reader, episode, post_comment):
    comment = post_comment(author, episode, "Таємниця")
    post_comment(reader, episode, "Відповідь", parent=comment["id"])
    assert api(reader).delete(f"/api/comments/{comment['id']}/").status_code == 403
    assert api(author).delete(f"/api/comments/{comment['id']}/").status_code == 204
    [thread] = listing(api(), episode)["results"]
    assert thread["status"] == "deleted"
    assert thread["body"] == thread["html"] == "" and thread["author"] is None
    assert thread["replies"][0]["body"] == "Відповідь"


def test_sorting_and_cursor_pages(api, author, reader, make_user, episode, post_comment):
    ids = [post_comment(author, episode, f"№{n}")["id"] for n in range(7)]
    voters = [make_user(f"voter{n}") for n in range(3)]
    for voter in voters:  # №2 gets 3 likes, №5 one like, №6 one dislike
        api(voter).post(f"/api/comments/{ids[2]}/vote/", {"value": 1}, format="json")
    api(reader).post(f"/api/comments/{ids[5]}/vote/", {"value": 1}, format="json")
    api(reader).post(f"/api/comments/{ids[6]}/vote/", {"value": -1}, format="json")

    def walk(sort):
        seen, cursor = [], None
        while True:
            params = {"sort": sort, "limit": 3, **({"cursor": cursor} if cursor else {})}
            data = listing(api(), episode, **params)
            seen += [thread["id"] for thread in data["results"]]
            cursor = data["next"]
            if cursor is None:
                return seen

    assert walk("new") == ids[::-1]
    assert walk("old") == ids
    best = walk("best")
    assert best[:2] == [ids[2], ids[5]]  # Wilson: 3 of 3 above 1 of 1; the rest score 0
    assert sorted(best) == sorted(ids)


def test_listing_makes_the_same_queries_for_one_thread_or_many(
    api, author, reader, make_user, episode, post_comment
):
    def count_queries():
        client = api(reader)
        client.get("/api/comments/", {"page": episode.pk})  # the session and page lookups
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/comments/", {"page": episode.pk}).status_code == 200
        return len(queries)

    root = post_comment(author, episode)
    post_comment(author, episode, parent=root["id"])
    few = count_queries()
    for n in range(8):
        root = post_comment(make_user(f"u{n}"), episode)
        reply = post_comment(author, episode, parent=root["id"])
        post_comment(author, episode, parent=reply["id"])
    assert count_queries() == few


def test_rate_limits_answer_429_in_ukrainian(api, author, episode, monkeypatch):
    monkeypatch.setattr(comments, "RATE_LIMITS", ((1, 10), (100, 3600)))
    # Both posts in one 10-second window (the counter's windows are fixed: two posts on either
    # side of a window's edge are rightly both allowed).
    monkeypatch.setattr("config.client_ip.time", SimpleNamespace(time=lambda: 1_700_000_000.0))
    client = api(author)
    data = {"page": episode.pk, "body": "швидко"}
    assert client.post("/api/comments/", data, format="json").status_code == 201
    response = client.post("/api/comments/", data, format="json")
    assert response.status_code == 429
    assert response.json()["detail"] == "Не частіше ніж раз на 10 секунд. Зачекайте трохи."
    assert response["Retry-After"] == "10"
    assert Comment.objects.count() == 1


def test_anonymous_and_banned_users_cannot_write_but_read(api, author, episode, post_comment):
    post_comment(author, episode)
    data = {"page": episode.pk, "body": "x"}
    assert api().post("/api/comments/", data, format="json").status_code == 403
    ban_user(author, reason="флуд", days=1)
    response = api(author).post("/api/comments/", data, format="json")
    assert response.status_code == 403
    assert response.json()["ban"]["reason"] == "флуд"
    assert len(listing(api(author), episode)["results"]) == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"page": "abc", "body": "x"},
        {"body": "x"},
        {"page": 1},
        {"page": 2**40, "body": "x"},
        {"page": 1, "body": "   "},
        {"page": 1, "body": ["x"]},
        {"page": 1, "body": "x" * (comments.MAX_LENGTH + 1)},
        {"page": 1, "body": "x", "parent": "y"},
        {"page": 1, "body": "x", "parent": 2**70},
    ],
)
def test_hostile_bodies_are_400(api, author, episode, payload):
    payload = {k: (episode.pk if v == 1 and k == "page" else v) for k, v in payload.items()}
    response = api(author).post("/api/comments/", payload, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["detail"]


def test_malformed_json_and_bad_parameters_are_400(api, author, episode):
    client = api(author)
    response = client.post("/api/comments/", "{not json", content_type="application/json")
    assert response.status_code == 400
    for params in (
        {},
        {"page": "x"},
        {"page": episode.pk, "sort": "worst"},
        {"page": episode.pk, "cursor": "!!!"},
        {"page": episode.pk, "cursor": "WzEsMl0"},  # [1, 2]: not a date
        {"page": episode.pk, "limit": 0},
    ):
        response = client.get("/api/comments/", params)
        assert response.status_code == 400, params
        assert response.json()["detail"]
    assert client.get(f"/api/comments/{2**70}/").status_code == 404
    assert client.post("/api/comments/99999/vote/", {"value": 1}, format="json").status_code == 404


def test_personal_answers_are_not_cached(api, author, episode, post_comment):
    post_comment(author, episode)
    response = api(author).get("/api/comments/", {"page": episode.pk})
    assert response["Cache-Control"] == "private, no-store"
    assert profile_of(author).reputation == 2
