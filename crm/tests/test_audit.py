"""The audit log screen: staff only, every logged staff action with its before/after data,
filterable by actor, action, target type and date, exportable."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.bans import ban_user
from accounts.models import User
from accounts.reputation import adjust
from accounts.roles import assign_role

from .conftest import ROLES, STAFF, denied

pytestmark = pytest.mark.django_db

AUDIT = reverse("crm_audit:index")


@pytest.mark.parametrize("role", ROLES)
def test_audit_is_for_staff_only(client, signed_in, role):
    signed_in(role)
    response = client.get(AUDIT)
    assert response.status_code == 200 if role in STAFF else denied(response)


@pytest.fixture
def logged(make_user):
    admin = make_user("boss", "admin")
    moderator = make_user("mod", "moderator")
    victim = make_user("victim")
    ban_user(victim, reason="образи", days=1, author=moderator)
    assign_role(victim, "editor", actor=admin)
    adjust(victim, 5, "конкурс", actor=admin)
    return admin, moderator, victim


def exported(client, query=""):
    response = client.get(f"{AUDIT}?export=csv&{query}")
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


def test_a_moderator_sees_every_staff_action_with_its_data(client, signed_in, logged):
    admin, moderator, victim = logged
    signed_in("moderator", "reader")
    page = client.get(AUDIT).content.decode()
    for text in ("Заблоковано", "Роль призначено", "Репутацію скориговано", "конкурс"):
        assert text in page
    assert reverse("crm_users:card", args=[victim.pk]) in page
    ban_row = next(row for row in exported(client) if "Блокування" in row.values())
    assert ban_row["Дані"].startswith("днів: 1; до: ") and "причина: образи" in ban_row["Дані"]
    role_row = next(row for row in exported(client) if "Призначення ролі" in row.values())
    assert role_row["Дані"] == "стало: Редактор, Глядач; було: Глядач; роль: Редактор"


def test_filters_by_actor_action_type_and_date(client, signed_in, logged):
    admin, moderator, victim = logged
    signed_in("admin", "reader")
    by_actor = exported(client, f"user={moderator.pk}")
    assert len(by_actor) == 1 and "причина: образи" in by_actor[0]["Дані"]
    by_action = exported(client, "action=accounts.reputation_adjust")
    assert len(by_action) == 1 and by_action[0]["Дані"].startswith("стало: 5; було: 0;")
    user_type = ContentType.objects.get_for_model(User).pk
    assert len(exported(client, f"object_type={user_type}")) == 3
    assert exported(client, "timestamp_from=2000-01-01&timestamp_to=2000-01-02") == []
    assert len(exported(client, "label=victim")) == 3
