"""The database cache's table (settings.CACHES without REDIS_URL), made by `migrate` so every
process shares one cache from the first start."""

from django.core.management import call_command
from django.db import migrations

CACHE_TABLE = "anihata_cache"


def create_cache_table(apps, schema_editor):
    # The table name given explicitly: made whatever CACHES says now, so switching Redis off
    # later finds it ready. Does nothing when it exists.
    call_command(
        "createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0
    )


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_move_titledubbing_to_dubbing")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
