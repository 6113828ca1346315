"""TitleDubbing moves from the catalog app to dubbing: state only, the table and its rows stay
(`catalog_titledubbing`, kept through Meta.db_table)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_search_indexes"),
        ("dubbing", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TitleDubbing",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("uk", "Українська"),
                                    ("ja", "Японська (оригінал)"),
                                    ("en", "Англійська"),
                                ],
                                max_length=2,
                            ),
                        ),
                        (
                            "dub_team",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dubbings",
                                to="dubbing.dubteampage",
                            ),
                        ),
                        (
                            "title",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dubbings",
                                to="catalog.titlepage",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "catalog_titledubbing",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("title", "dub_team", "language"),
                                name="unique_title_dubbing",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("dub_team__isnull", True)),
                                fields=("title", "language"),
                                name="unique_title_original_dubbing",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
