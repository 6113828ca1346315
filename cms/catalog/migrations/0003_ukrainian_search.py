"""PostgreSQL search support: the `anihata_uk` text search configuration and pg_trgm.

`anihata_uk` maps words to the Ukrainian hunspell dictionary (Debian's `hunspell-uk`, turned into
the `uk_ua` ispell files by `pg_updatedicts`) and then to `simple`, so "атаку титанів" matches
"Атака титанів". Where the dictionary files are missing on the database server it is a plain copy
of `simple`. To upgrade later: install the files, then `manage.py migrate catalog 0002`,
`manage.py migrate catalog` and `manage.py update_index`. Other databases: nothing to do.
"""

from django.db import DatabaseError, migrations, transaction

CONFIG = "anihata_uk"
DICTIONARY = "uk_hunspell"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # Trigram similarity is the typo-tolerant fallback of the search (cms/catalog/search.py).
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)")
        try:
            with transaction.atomic(using=connection.alias):  # a savepoint: failure is expected
                cursor.execute(
                    f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} "
                    "(TEMPLATE = ispell, DictFile = uk_ua, AffFile = uk_ua)"
                )
        except DatabaseError:
            return  # no dictionary files on the server: stay a copy of `simple`
        # Cyrillic words (and parts of hyphenated ones); Latin `asciiword`s stay `simple`.
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
            f"ALTER MAPPING FOR word, hword, hword_part WITH {DICTIONARY}, simple"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY}")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
