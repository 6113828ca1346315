"""Reports and moderation: one open report per reporter and comment (409), the moderators'
queue, hide/restore/delete/ban by rank, upheld and rejected reports with their reputation, and
every action in Wagtail's audit log with who and why."""

import pytest
from wagtail.models import ModelLogEntry

from accounts.bans import is_banned
from accounts.models import ReputationEvent, User
from forum.discussions import moderation
from forum.discussions.models import Comment, Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(author, episode, post_comment):
    return post_comment(author, episode, "Спойлер без тегу: Фрірен переможе")


def report(client, comment, reason="spoiler", text=""):
    return client.post(
        "/api/reports/", {"comment": comment["id"], "reason": reason, "text": text}, format="json"
    )


def test_one_open_report_per_reporter(api, reader, make_user, author, comment):
    response = report(api(reader), comment, text="Без спойлер-тегу")
    assert response.status_code == 201 and response.json()["message"]
    response = report(api(reader), comment, reason="abuse")
    assert response.status_code == 409
    assert response.json() == {"detail": "Ви вже поскаржилися на це, скарга чекає на розгляд."}
    assert report(api(make_user("other")), comment).status_code == 201
    assert report(api(author), comment).status_code == 400  # your own comment
    assert report(api(), comment).status_code == 403
    assert report(api(reader), comment, reason="boring").status_code == 400
    assert report(api(reader), {"id": 2**70}).status_code == 400
    assert Report.objects.count() == 2


def test_a_rejected_report_lets_the_reporter_report_again(api, reader, moderator, comment):
    report(api(reader), comment)
    moderation.reject_report(moderator, Report.objects.get(), "Це не спойлер")
    assert report(api(reader), comment).status_code == 201


def test_queue_is_for_moderators_only(api, reader, moderator, comment):
    report(api(reader), comment, text="Спойлер!")
    assert api().get("/api/moderation/reports/").status_code == 403
    assert api(reader).get("/api/moderation/reports/").status_code == 403
    [entry] = api(moderator).get("/api/moderation/reports/").json()
    assert entry["reason"] == "spoiler" and entry["reporter"] == {"username": "reader"}
    assert entry["comment"]["body"].startswith("Спойлер") and entry["comment"]["author"]
    assert entry["comment"]["page"]["url"] == "/anime/frieren/1/"


def test_upholding_hides_closes_all_reports_and_moves_reputation(
    api, author, reader, make_user, moderator, comment
):
    other = make_user("other")
    report(api(reader), comment)
    report(api(other), comment)
    report_id = Report.objects.first().pk
    response = api(moderator).post(
        f"/api/moderation/reports/{report_id}/",
        {"decision": "uphold", "action": "hide", "reason": "Спойлер"},
        format="json",
    )
    assert response.status_code == 200
    assert Comment.objects.get(pk=comment["id"]).status == "hidden"
    assert set(Report.objects.values_list("status", flat=True)) == {"upheld"}
    assert Report.objects.filter(resolved_by=moderator, resolution="Спойлер").count() == 2
    for reporter in (reader, other):
        assert ReputationEvent.objects.filter(user=reporter, kind="report_upheld").count() == 1
    assert ReputationEvent.objects.filter(user=author, kind="content_removed").count() == 1
    assert api(moderator).get("/api/moderation/reports/").json() == []

    hidden = api().get("/api/comments/", {"page": comment["page"]}).json()["results"][0]
    assert hidden["status"] == "hidden" and hidden["body"] == "" and hidden["author"] is None

    entries = ModelLogEntry.objects.filter(action__startswith="discussions.")
    assert {entry.action for entry in entries} == {
        "discussions.hide",
        "discussions.report_upheld",
    }
    assert all(e.user_id == moderator.pk and e.data["reason"] == "Спойлер" for e in entries)

    again = api(moderator).post(
        f"/api/moderation/reports/{report_id}/",
        {"decision": "reject", "reason": "x"},
        format="json",
    )
    assert again.status_code == 400


def test_moderator_actions_on_a_comment(api, author, moderator, comment):
    client = api(moderator)
    url = f"/api/moderation/comments/{comment['id']}/"
    for action, status in (("hide", "hidden"), ("restore", "visible"), ("delete", "deleted")):
        response = client.post(url, {"action": action, "reason": "перевірка"}, format="json")
        assert response.status_code == 200, response.content
        assert Comment.objects.get(pk=comment["id"]).status == status
    # removed twice, restored between: the author pays once per comment
    assert ReputationEvent.objects.filter(user=author, kind="content_removed").count() == 1
    assert client.post(url, {"action": "hide"}, format="json").status_code == 400  # no reason
    assert client.post(url, {"action": "nuke", "reason": "x"}, format="json").status_code == 400
    logged = ModelLogEntry.objects.filter(object_id=str(comment["id"])).values_list(
        "action", flat=True
    )
    assert set(logged) == {"discussions.hide", "discussions.restore", "discussions.delete"}


def test_ban_author_follows_the_rank_rules(
    api, author, make_user, moderator, episode, post_comment, comment
):
    url = f"/api/moderation/comments/{comment['id']}/"
    data = {"action": "ban_author", "reason": "Образи", "days": 3}
    assert api(make_user("viewer")).post(url, data, format="json").status_code == 403
    assert api(moderator).post(url, data, format="json").status_code == 200
    assert is_banned(User.objects.get(pk=author.pk))
    entry = ModelLogEntry.objects.get(action="discussions.ban_author")
    assert entry.data == {"reason": "Образи", "days": 3, "user": "author"}

    admin = make_user("boss", "admin")
    by_admin = post_comment(admin, episode, "Адмін пише")
    url = f"/api/moderation/comments/{by_admin['id']}/"
    response = api(moderator).post(url, data, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == "Ви не можете заблокувати цього користувача."
    other_moderator = make_user("moder2", "moderator")
    by_peer = post_comment(other_moderator, episode, "Колега")
    response = api(moderator).post(
        f"/api/moderation/comments/{by_peer['id']}/", data, format="json"
    )
    assert response.status_code == 403


def test_moderation_functions_refuse_non_moderators(reader, comment):
    row = Comment.objects.get(pk=comment["id"])
    with pytest.raises(moderation.ModerationDenied):
        moderation.hide(reader, row, "просто так")
    assert Comment.objects.get(pk=comment["id"]).status == "visible"


def test_a_banned_moderator_cannot_moderate(api, moderator, comment):
    from accounts.bans import ban_user

    ban_user(moderator, reason="зловживання", days=1)
    response = api(moderator).post(
        f"/api/moderation/comments/{comment['id']}/",
        {"action": "hide", "reason": "x"},
        format="json",
    )
    assert response.status_code == 403


def test_moderation_endpoints_refuse_bad_input(api, reader, moderator, comment):
    client = api(moderator)
    url = f"/api/moderation/comments/{comment['id']}/"
    assert client.post(url, "{oops", content_type="application/json").status_code == 400
    for payload in (
        {"action": "ban_author", "reason": "x", "days": 0},
        {"action": "ban_author", "reason": "x", "days": "сім"},
        {"action": "hide", "reason": "x" * 1001},
        {"action": ["hide"], "reason": "x"},
    ):
        response = client.post(url, payload, format="json")
        assert response.status_code == 400, payload
        assert response.json()["detail"]
    assert client.post(f"/api/moderation/comments/{2**70}/", {}, format="json").status_code == 404
    report(api(reader), comment)
    report_url = f"/api/moderation/reports/{Report.objects.get().pk}/"
    bogus = {"decision": "maybe", "reason": "x"}
    assert client.post(report_url, bogus, format="json").status_code == 400
    missing = {"decision": "uphold", "action": "hide", "reason": ""}
    assert client.post(report_url, missing, format="json").status_code == 400
    assert client.post(f"/api/moderation/reports/{2**70}/", {}, format="json").status_code == 404
    assert Report.objects.get().status == "open"
