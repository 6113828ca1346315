"""An index on the pages' `url_path`: `pages/find/?html_path=` looks a page up by its path in
one indexed query instead of walking the tree slug by slug."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0006_shared_cache_table"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS anihata_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS anihata_page_url_path",
        )
    ]
