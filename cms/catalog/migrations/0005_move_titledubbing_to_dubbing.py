"""TitleDubbing now belongs to the dubbing app (dubbing.0002): forget it here, keep the table."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_search_indexes"),
        ("dubbing", "0002_titledubbing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="TitleDubbing")],
            database_operations=[],
        ),
    ]
