"""PostgreSQL indexes that keep search fast at catalog scale (see bench/search/run.py).

- A GIN index on the search index entries' `title || body`: the database backend's full-text
  filter is on that expression, which the per-column indexes Wagtail ships cannot serve.
- `anihata_title_names(...)`: a title's non-Ukrainian names as one text, and trigram (pg_trgm)
  GIN indexes on it and on page titles, for the typo-tolerant pass of cms/catalog/search.py.
Other databases: nothing to do.
"""

from django.db import migrations

NAMES_FUNCTION = """
CREATE OR REPLACE FUNCTION anihata_title_names(
    title_en text, title_romaji text, title_native text, synonyms jsonb
) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT title_en || ' ' || title_romaji || ' ' || title_native || ' ' || synonyms::text $$
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    index_entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    statements = [
        f"CREATE INDEX IF NOT EXISTS anihata_indexentry_text_gin ON {index_entries} "
        "USING gin ((title || body))",
        NAMES_FUNCTION,
        "CREATE INDEX IF NOT EXISTS anihata_titlepage_names_trgm ON catalog_titlepage USING gin "
        "(anihata_title_names(title_en, title_romaji, title_native, synonyms) gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS anihata_page_title_trgm ON wagtailcore_page "
        "USING gin (title gin_trgm_ops)",
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS anihata_page_title_trgm")
        cursor.execute("DROP INDEX IF EXISTS anihata_titlepage_names_trgm")
        cursor.execute("DROP FUNCTION IF EXISTS anihata_title_names(text, text, text, jsonb)")
        cursor.execute("DROP INDEX IF EXISTS anihata_indexentry_text_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_ukrainian_search"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
