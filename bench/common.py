"""Helpers shared by the Python benchmarks: a fresh PostgreSQL database, Django set up against
it, and bulk inserts of multi-table page rows."""

import os


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(database_url: str) -> None:
    """Django on `database_url` with no Redis or Elasticsearch: the benchmark measures those
    parts it names, nothing else."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("REDIS_URL", None)
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def insert_local(model, objects) -> None:
    """Insert only `model`'s own table for multi-table-inherited rows (bulk_create can't)."""
    model._base_manager._insert(objects, fields=model._meta.local_concrete_fields, raw=True)


def database_exists(url: str) -> bool:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def copy_database(template_url: str, url: str) -> None:
    """Re-create `url` as a copy of `template_url` (a file copy: seconds, not a re-seed)."""
    import psycopg

    name, template = url.rsplit("/", 1)[1], template_url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def rename_database(url: str, new_name: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{new_name}" WITH (FORCE)')
        conn.execute(f'ALTER DATABASE "{name}" RENAME TO "{new_name}"')


def switch_database(url: str) -> None:
    """Point the already set-up Django at another database (closing the current connection)."""
    from django.db import connections

    connections["default"].close()
    connections["default"].settings_dict["NAME"] = url.rsplit("/", 1)[1]
    os.environ["DATABASE_URL"] = url
