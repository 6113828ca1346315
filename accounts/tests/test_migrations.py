"""The unique-email migration keeps accounts that existed before it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0001_initial")]
AFTER = [("accounts", "0002_unique_email")]


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="migrating back and forth inside a test's transaction needs PostgreSQL (SQLite's "
    "schema editor refuses with foreign key checks on)",
)
def test_blank_and_duplicate_emails_get_placeholders():
    executor = MigrationExecutor(connection)
    latest = [key for key in executor.loader.graph.leaf_nodes() if key[0] == "accounts"]
    executor.migrate(BEFORE)
    old_user = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    old_user.objects.create(username="first", email="Same@Example.com")
    second = old_user.objects.create(username="second", email="same@example.com")
    blank = old_user.objects.create(username="blank", email="")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new_user = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    emails = dict(new_user.objects.values_list("username", "email"))
    assert emails == {
        "first": "Same@Example.com",
        "second": f"user-{second.id}@users.anihata.invalid",
        "blank": f"user-{blank.id}@users.anihata.invalid",
    }
    MigrationExecutor(connection).migrate(latest)
