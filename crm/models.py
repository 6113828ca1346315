"""CRM data: staff notes on users and the daily statistics rows the dashboard reads (written
only by crm.stats, never by a request)."""

from django.conf import settings
from django.db import models


class StaffNote(models.Model):
    """A staff member's note on a user, shown on the user card to other staff only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="користувач",
        on_delete=models.CASCADE,
        related_name="staff_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="автор",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField("нотатка")
    created_at = models.DateTimeField("створено", auto_now_add=True)

    class Meta:
        verbose_name = "нотатка персоналу"
        verbose_name_plural = "нотатки персоналу"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user}: {self.text[:40]}"


class DailyStats(models.Model):
    """The site's figures for one day (Europe/Kyiv), recomputed from the raw tables."""

    day = models.DateField("день", unique=True)
    registrations = models.PositiveIntegerField("реєстрації", default=0)
    active_users = models.PositiveIntegerField("активні користувачі", default=0)
    episodes_watched = models.PositiveIntegerField("переглянуті серії", default=0)
    comments = models.PositiveIntegerField("коментарі", default=0)
    forum_posts = models.PositiveIntegerField("дописи на форумі", default=0)
    list_entries = models.PositiveIntegerField("нові записи у списках", default=0)
    import_runs = models.PositiveIntegerField("запуски імпорту", default=0)
    import_failures = models.PositiveIntegerField("невдалі імпорти", default=0)
    computed_at = models.DateTimeField("пораховано", auto_now=True)

    FIGURES = (
        "registrations",
        "active_users",
        "episodes_watched",
        "comments",
        "forum_posts",
        "list_entries",
        "import_runs",
        "import_failures",
    )

    class Meta:
        verbose_name = "денна статистика"
        verbose_name_plural = "денна статистика"
        ordering = ["-day"]

    def __str__(self) -> str:
        return str(self.day)


class DailyTitleStats(models.Model):
    """Per title and day: episodes watched and new list entries (the top-titles charts)."""

    day = models.DateField("день")
    page = models.ForeignKey(
        "catalog.TitlePage", verbose_name="тайтл", on_delete=models.CASCADE, related_name="+"
    )
    views = models.PositiveIntegerField("перегляди", default=0)
    list_adds = models.PositiveIntegerField("додавання до списків", default=0)
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "денна статистика тайтлу"
        verbose_name_plural = "денна статистика тайтлів"
        constraints = [
            models.UniqueConstraint(fields=["day", "page"], name="crm_one_title_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.page_id}"


class DailyTeamStats(models.Model):
    """Per dub team and day: plays of its sources (the top-teams chart, studio analytics)."""

    day = models.DateField("день")
    team = models.ForeignKey(
        "dubbing.DubTeamPage", verbose_name="команда", on_delete=models.CASCADE, related_name="+"
    )
    plays = models.PositiveIntegerField("перегляди", default=0)
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "денна статистика команди"
        verbose_name_plural = "денна статистика команд"
        constraints = [
            models.UniqueConstraint(fields=["day", "team"], name="crm_one_team_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.team_id}"


class DailySourceStats(models.Model):
    """Per video source and day: how many users played it (studio analytics: plays per episode
    and per dub; from library's plays)."""

    day = models.DateField("день")
    source = models.ForeignKey(
        "anime.VideoSource", verbose_name="джерело", on_delete=models.CASCADE, related_name="+"
    )
    plays = models.PositiveIntegerField("перегляди", default=0)
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "денна статистика джерела"
        verbose_name_plural = "денна статистика джерел"
        constraints = [
            models.UniqueConstraint(fields=["day", "source"], name="crm_one_source_row_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} · {self.source_id}"
