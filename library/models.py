"""My anime data: `ListEntry` (a title in a user's list: status, favourite, score),
`WatchProgress` (where a user stopped in an episode), `Subscription` (new episodes of a title,
in one dub team or any Ukrainian dub), `DubRelease` (when a team's first source of an episode
became visible), `Notification` (one per subscription and episode) and `ReadingPosition` (where
a user stopped in a manga chapter).
Uniqueness lives in the database, so double clicks, parallel tabs and replayed signals can
never make two rows of one fact."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ListStatus(models.TextChoices):
    WATCHING = "watching", "Дивлюся"
    PLANNED = "planned", "У планах"
    COMPLETED = "completed", "Переглянуто"
    ON_HOLD = "on_hold", "Відкладено"
    DROPPED = "dropped", "Закинуто"


class ListEntry(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="list_entries"
    )
    title = models.ForeignKey(
        "catalog.TitlePage", on_delete=models.CASCADE, related_name="list_entries"
    )
    status = models.CharField(
        "статус", max_length=20, choices=ListStatus.choices, default=ListStatus.PLANNED
    )
    favourite = models.BooleanField("улюблене", default=False)
    score = models.PositiveSmallIntegerField("оцінка", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = "запис у списку"
        verbose_name_plural = "списки"
        constraints = [
            models.UniqueConstraint(fields=["user", "title"], name="library_entry_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=10),
                name="library_entry_score_range",
            ),
        ]
        # The rating aggregate reads every score of a title.
        indexes = [models.Index(fields=["title", "score"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.title_id} · {self.status}"


class WatchProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watch_progress"
    )
    episode = models.ForeignKey(
        "anime.EpisodePage", on_delete=models.CASCADE, related_name="watch_progress"
    )
    # The episode's title, kept beside it: `?title=` and the history read it without the tree.
    title = models.ForeignKey("catalog.TitlePage", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField("позиція, с", default=0)
    duration = models.PositiveIntegerField("тривалість, с", null=True, blank=True)
    completed = models.BooleanField("переглянуто", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "перегляд"
        verbose_name_plural = "перегляди"
        constraints = [
            models.UniqueConstraint(fields=["user", "episode"], name="library_progress_unique")
        ]
        indexes = [
            models.Index(fields=["user", "-updated_at"]),
            models.Index(fields=["user", "title"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.episode_id} · {self.position}s"


class Play(models.Model):
    """A user played a source on a day: what studio analytics count (plays per episode and per
    dub), written by library.progress when the player names the source it plays. One row per
    (user, source, day), however often the player reports."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey("anime.VideoSource", on_delete=models.CASCADE, related_name="plays")
    day = models.DateField("день")

    class Meta:
        verbose_name = "відтворення"
        verbose_name_plural = "відтворення"
        constraints = [
            models.UniqueConstraint(fields=["user", "source", "day"], name="library_one_play_a_day")
        ]
        indexes = [models.Index(fields=["day", "source"])]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.source_id} · {self.day}"


class Subscription(models.Model):
    """New episodes of `title` voiced by `dub_team` (empty: by any Ukrainian dub team)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    title = models.ForeignKey(
        "catalog.TitlePage", on_delete=models.CASCADE, related_name="subscriptions"
    )
    dub_team = models.ForeignKey(
        "dubbing.DubTeamPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    email = models.BooleanField("лист на пошту", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "підписка"
        verbose_name_plural = "підписки"
        # Two partial constraints instead of NULLS NOT DISTINCT, which SQLite lacks.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "title", "dub_team"],
                condition=Q(dub_team__isnull=False),
                name="library_subscription_team_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "title"],
                condition=Q(dub_team__isnull=True),
                name="library_subscription_any_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.title_id} · {self.dub_team_id or 'будь-яка'}"


class DubRelease(models.Model):
    """The first time an episode had a visible active source from a dub team. Only the row
    that creates it notifies: republishing, a second source of the same team or a source
    switched off and on again find it already there."""

    episode = models.ForeignKey("anime.EpisodePage", on_delete=models.CASCADE, related_name="+")
    dub_team = models.ForeignKey("dubbing.DubTeamPage", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=2)
    released_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "вихід озвучення серії"
        verbose_name_plural = "виходи озвучень серій"
        constraints = [
            models.UniqueConstraint(fields=["episode", "dub_team"], name="library_release_unique")
        ]

    def __str__(self) -> str:
        return f"{self.episode_id} · {self.dub_team_id}"


class Notification(models.Model):
    """A new episode in a dub a user follows. One per (subscription, episode): the constraint
    makes every later publish of the same episode a no-op."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subscription = models.ForeignKey(
        Subscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    episode = models.ForeignKey("anime.EpisodePage", on_delete=models.CASCADE, related_name="+")
    title = models.ForeignKey("catalog.TitlePage", on_delete=models.CASCADE, related_name="+")
    dub_team = models.ForeignKey(
        "dubbing.DubTeamPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Whether the user asked for an e-mail (copied from the subscription) and when it went.
    email_wanted = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "сповіщення"
        verbose_name_plural = "сповіщення"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "episode"], name="library_notification_once"
            )
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(
                fields=["user"],
                condition=Q(email_wanted=True, emailed_at__isnull=True),
                name="library_notification_mail",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.episode_id}"


class ReadingPosition(models.Model):
    """Where a user stopped in a manga chapter: a 0-based page of `total` (the reader's own
    count), and whether the chapter was read to the end. One row per (user, chapter)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_positions"
    )
    chapter = models.ForeignKey(
        "manga.ChapterPage", on_delete=models.CASCADE, related_name="reading_positions"
    )
    # The chapter's manga, kept beside it: `?title=` reads the positions without the tree.
    title = models.ForeignKey("catalog.TitlePage", on_delete=models.CASCADE, related_name="+")
    page = models.PositiveIntegerField("сторінка (з 0)", default=0)
    total = models.PositiveIntegerField("сторінок", null=True, blank=True)
    completed = models.BooleanField("прочитано", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "місце читання"
        verbose_name_plural = "місця читання"
        constraints = [
            models.UniqueConstraint(fields=["user", "chapter"], name="library_reading_unique")
        ]
        indexes = [models.Index(fields=["user", "title"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.chapter_id} · {self.page}"
