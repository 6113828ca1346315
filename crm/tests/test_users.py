"""The users screens: who may open them, the list's search/filters/sorting/export, the user
card and its actions (each refused on an equal or higher rank), and the audit log they write."""

import csv
import io
from datetime import timedelta

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.bans import ban_user, is_banned
from accounts.models import Ban, ReputationEvent, Role, User
from accounts.reputation import award, profile_of
from accounts.roles import rank
from crm.models import StaffNote

from .conftest import ROLES, STAFF, denied

pytestmark = pytest.mark.django_db

USERS = reverse("crm_users:index")


@pytest.mark.parametrize("role", ROLES)
def test_users_list_and_card_are_for_staff_only(client, signed_in, make_user, role):
    signed_in(role)
    target = make_user("someone")
    for url in (USERS, reverse("crm_users:card", args=[target.pk]), f"{USERS}?export=csv"):
        response = client.get(url)
        if role in STAFF:
            assert response.status_code == 200, url
        else:
            assert denied(response), url


def test_anonymous_is_sent_to_sign_in(client, make_user):
    response = client.get(USERS)
    assert response.status_code == 302 and "/admin/login/" in response.url


def export_rows(client, query: str = "") -> list[dict]:
    response = client.get(f"{USERS}?export=csv&{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_export_lists_the_filtered_users_with_their_figures(client, signed_in, make_user):
    signed_in("admin", "boss")
    spammer = make_user("spammer")
    ban_user(spammer, reason="спам", days=2)
    editor = make_user("olena", "editor")
    award(editor, "forum_post", editor)
    rows = export_rows(client)
    by_name = {row["Ім’я користувача"]: row for row in rows}
    assert set(by_name) == {"boss", "spammer", "olena"}
    assert by_name["spammer"]["Заблокований"] == "True"
    assert by_name["olena"]["Ролі"] == "editor, viewer"
    assert by_name["olena"]["Репутація"] == "2"
    assert by_name["olena"]["Е-пошта"] == "olena@example.com"
    assert [row["Ім’я користувача"] for row in export_rows(client, "banned=true")] == ["spammer"]
    assert [row["Ім’я користувача"] for row in export_rows(client, "q=olen")] == ["olena"]


def test_xlsx_export(client, signed_in):
    signed_in("moderator")
    response = client.get(f"{USERS}?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_filters_and_sorting(client, signed_in, make_user):
    boss = signed_in("admin", "boss")
    User.objects.filter(pk=boss.pk).update(last_login=timezone.now() - timedelta(days=3))
    old = make_user("old")
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - timedelta(days=40))
    rich = make_user("rich")
    award(rich, "report_upheld", rich)
    poor = make_user("poor")
    award(poor, "content_removed", poor)
    google = make_user("googler")
    SocialAccount.objects.create(user=google, provider="google", uid="g-1")
    moderator = make_user("mod", "moderator")

    def names(query):
        return {row["Ім’я користувача"] for row in export_rows(client, query)}

    assert names("reputation_min=1") == {"rich"}
    assert names("reputation_max=-1") == {"poor"}
    assert names("google=true") == {"googler"}
    assert names(f"role={Role.objects.get(name='moderator').pk}") == {"mod"}
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert "old" not in names(f"date_joined_from={since}")
    assert names(f"date_joined_to={since}") == {"old"}
    User.objects.filter(pk=moderator.pk).update(last_login=timezone.now())
    assert names(f"last_login_from={timezone.localdate().isoformat()}") == {"mod"}
    ordered = [row["Ім’я користувача"] for row in export_rows(client, "ordering=-reputation_value")]
    assert ordered[0] == "rich" and ordered[-1] == "poor"
    ordered = [row["Ім’я користувача"] for row in export_rows(client, "ordering=-top_rank")]
    assert ordered[:2] == ["boss", "mod"]
    page = client.get(f"{USERS}?ordering=username").content.decode()
    cards = [reverse("crm_users:card", args=[u.pk]) + '"' for u in (google, rich)]
    assert page.index(cards[0]) < page.index(cards[1])


@pytest.mark.parametrize(
    ("actor_role", "target_role", "allowed"),
    [
        ("moderator", "viewer", True),
        ("moderator", "editor", True),
        ("moderator", "moderator", False),
        ("moderator", "admin", False),
        ("editor", "viewer", False),
        ("admin", "moderator", True),
        ("admin", "admin", False),
    ],
)
def test_ban_by_rank(client, signed_in, make_user, actor_role, target_role, allowed):
    actor = signed_in(actor_role)
    target = make_user("target", target_role)
    url = reverse("crm_users:ban", args=[target.pk])
    assert (client.get(url).status_code == 200) is allowed
    response = client.post(url, {"reason": "спам у коментарях", "days": "3"})
    if not allowed:
        assert denied(response)
        assert not Ban.objects.filter(user=target).exists()
        return
    assert response.status_code == 302
    ban = Ban.objects.get(user=target)
    assert ban.author == actor and ban.reason == "спам у коментарях"
    assert timedelta(days=3) - (ban.ends_at - ban.starts_at) < timedelta(seconds=1)
    entry = ModelLogEntry.objects.get(action="accounts.ban")
    assert entry.user == actor and entry.object_id == str(target.pk)
    assert entry.data["reason"] == "спам у коментарях" and entry.data["days"] == 3


def test_ban_form_errors_answer_400_and_permanent_ban(client, signed_in, make_user):
    signed_in("moderator")
    target = make_user("target")
    url = reverse("crm_users:ban", args=[target.pk])
    response = client.post(url, {"reason": "", "days": "-1"})
    assert response.status_code == 400
    assert not Ban.objects.exists()
    client.post(url, {"reason": "назавжди", "days": ""})
    assert Ban.objects.get(user=target).ends_at is None


def test_unban_ends_bans_in_force_and_is_logged(client, signed_in, make_user):
    actor = signed_in("moderator")
    target = make_user("target")
    ban_user(target, reason="флуд", days=5)
    response = client.post(reverse("crm_users:unban", args=[target.pk]), {"reason": "помилка"})
    assert response.status_code == 302
    assert not is_banned(User.objects.get(pk=target.pk))
    assert Ban.objects.get(user=target).ends_at <= timezone.now()
    entry = ModelLogEntry.objects.get(action="accounts.unban")
    assert entry.user == actor and entry.data["reason"] == "помилка"


@pytest.mark.parametrize(
    ("actor_role", "target_role", "role", "allowed"),
    [
        ("admin", "viewer", "moderator", True),
        ("admin", "viewer", "editor", True),
        ("admin", "viewer", "admin", False),
        ("admin", "admin", "editor", False),
        ("moderator", "viewer", "editor", False),  # moderators hold no assign_role
    ],
)
def test_assign_role_by_rank(client, signed_in, make_user, actor_role, target_role, role, allowed):
    actor = signed_in(actor_role)
    target = make_user("target", target_role)
    role_pk = Role.objects.get(name=role).pk
    response = client.post(reverse("crm_users:roles", args=[target.pk]), {"role": role_pk})
    holds = User.objects.get(pk=target.pk).groups.filter(role__name=role).exists()
    if allowed:
        assert response.status_code == 302 and holds
        entry = ModelLogEntry.objects.get(action="accounts.role_assign")
        assert entry.user == actor and entry.data["role"] == role
        assert role not in entry.data["before"] and role in entry.data["after"]
    else:
        assert not holds or target_role == role
        assert not ModelLogEntry.objects.filter(action="accounts.role_assign").exists()


def test_admin_removes_a_role_below_its_rank(client, signed_in, make_user):
    signed_in("admin")
    target = make_user("target", "moderator")
    role_pk = Role.objects.get(name="moderator").pk
    client.post(
        reverse("crm_users:roles", args=[target.pk]), {"role": role_pk, "operation": "remove"}
    )
    assert rank(User.objects.get(pk=target.pk)) == 0
    assert ModelLogEntry.objects.get(action="accounts.role_remove").data["after"] == ["viewer"]


@pytest.mark.parametrize(
    ("actor_role", "target_role", "allowed"),
    [("admin", "moderator", True), ("admin", "admin", False), ("moderator", "viewer", False)],
)
def test_reputation_adjustment(client, signed_in, make_user, actor_role, target_role, allowed):
    actor = signed_in(actor_role)
    target = make_user("target", target_role)
    award(target, "forum_post", target)
    url = reverse("crm_users:reputation", args=[target.pk])
    response = client.post(url, {"points": "-2", "reason": "накрутка"})
    reputation = profile_of(target).reputation
    if not allowed:
        assert denied(response) and reputation == 2
        return
    assert reputation == 0
    event = ReputationEvent.objects.get(user=target, kind="adjust")
    assert event.points == -2 and event.note == "накрутка"
    entry = ModelLogEntry.objects.get(action="accounts.reputation_adjust")
    assert entry.user == actor
    assert (entry.data["before"], entry.data["after"]) == (2, 0)
    client.post(url, {"points": "0", "reason": "нічого"})
    assert ReputationEvent.objects.filter(kind="adjust").count() == 1


def test_staff_notes_show_on_the_card(client, signed_in, make_user):
    actor = signed_in("moderator")
    target = make_user("target")
    client.post(reverse("crm_users:notes", args=[target.pk]), {"text": "Попереджено в чаті"})
    note = StaffNote.objects.get(user=target)
    assert note.author == actor
    card = client.get(reverse("crm_users:card", args=[target.pk])).content.decode()
    assert "Попереджено в чаті" in card
    assert "Додано нотатку персоналу" in card  # the card's own audit history


def test_card_offers_only_the_actions_the_actor_may_take(client, signed_in, make_user):
    signed_in("moderator")
    peer = make_user("peer", "moderator")
    card = client.get(reverse("crm_users:card", args=[peer.pk])).content.decode()
    assert reverse("crm_users:ban", args=[peer.pk]) not in card
    assert "Призначити роль" not in card
    viewer = make_user("viewer1")
    card = client.get(reverse("crm_users:card", args=[viewer.pk])).content.decode()
    assert reverse("crm_users:ban", args=[viewer.pk]) in card
