"""Anime content: AnimeIndexPage -> AnimePage -> EpisodePage, and the episodes' VideoSources.

A VideoSource is a row of its own (a plain foreign key to the episode), not part of the episode
page's content: episode revisions never hold sources, so saving, publishing or reverting an
episode (an old revision included) can neither delete nor overwrite a source — rows that dub
teams own and edit in the admin («Мої джерела», accounts.studio) while editors see them on the
episode's «Джерела» tab. Sources have their own revisions and publishing (DraftStateMixin) and
go through a Wagtail workflow: a team's new source stays a draft (`live=False`) until an editor
approves it (or the team is trusted). Visitors see only `VideoSource.objects.active()` —
switched on *and* published — everywhere: playback, the episode's `sources`, the catalog's
`audio`/`dub_team` filters (TitleDubbing) and latest episodes."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail_headless_preview.models import HeadlessMixin

from cms.catalog.forms import NumberedChildForm
from cms.catalog.models import (
    ANIME_FORMATS,
    Language,
    SectionIndexPage,
    TitleKind,
    TitlePage,
    title_edit_handler,
)
from cms.catalog.neighbours import neighbour_ref, with_neighbours
from cms.catalog.serializers import EpisodeRefSerializer
from outbound.hosts import allowed_hosts, is_allowed_stream_url
from outbound.providers import provider_choices
from outbound.urls import UnsafeUrl, parse_http_url

from .forms import VideoSourceForm
from .panels import EpisodeSourcesPanel
from .serializers import SourceSummarySerializer


class AnimeIndexPage(SectionIndexPage):
    """`/anime/`: the catalog of anime (the listing itself comes from the `titles` API)."""

    subpage_types = ["anime.AnimePage"]

    class Meta:
        verbose_name = "каталог аніме"


class AnimePage(TitlePage):
    episodes_total = models.PositiveIntegerField("кількість серій", null=True, blank=True)
    episode_duration = models.PositiveIntegerField("тривалість серії, хв", null=True, blank=True)
    # Broadcast schedule (filled by the importers, shown by /api/schedule/).
    broadcast_weekday = models.PositiveSmallIntegerField(
        "день виходу",
        null=True,
        blank=True,
        choices=[
            (0, "Понеділок"),
            (1, "Вівторок"),
            (2, "Середа"),
            (3, "Четвер"),
            (4, "П'ятниця"),
            (5, "Субота"),
            (6, "Неділя"),
        ],
    )
    broadcast_time = models.TimeField("час виходу", null=True, blank=True)
    broadcast_timezone = models.CharField("часовий пояс", max_length=50, default="Asia/Tokyo")
    next_episode_number = models.PositiveIntegerField("наступна серія", null=True, blank=True)
    next_episode_at = models.DateTimeField("вихід наступної серії", null=True, blank=True)

    allowed_formats = ANIME_FORMATS
    page_kind = TitleKind.ANIME
    is_creatable = True
    parent_page_types = ["anime.AnimeIndexPage"]
    subpage_types = ["anime.EpisodePage"]

    edit_handler = title_edit_handler(
        ObjectList(
            [
                FieldPanel("broadcast_weekday"),
                FieldRowPanel([FieldPanel("broadcast_time"), FieldPanel("broadcast_timezone")]),
                FieldRowPanel([FieldPanel("next_episode_number"), FieldPanel("next_episode_at")]),
            ],
            heading="Розклад",
        ),
        release_extra=(
            FieldRowPanel([FieldPanel("episodes_total"), FieldPanel("episode_duration")]),
        ),
    )
    api_fields = TitlePage.api_fields + [
        APIField("episodes_total"),
        APIField("episode_duration"),
        APIField("next_episode_number"),
        APIField("next_episode_at"),
    ]

    class Meta:
        verbose_name = "аніме"
        verbose_name_plural = "аніме"


class EpisodeForm(NumberedChildForm):
    duplicate_message = "Серія №{number} у цього аніме вже є."


class EpisodePage(HeadlessMixin, Page):
    number = models.PositiveIntegerField("номер серії")
    air_date = models.DateField("дата виходу", null=True, blank=True)
    duration = models.PositiveIntegerField("тривалість, с", null=True, blank=True)
    intro_start = models.PositiveIntegerField("початок опенінгу, с", null=True, blank=True)
    intro_end = models.PositiveIntegerField("кінець опенінгу, с", null=True, blank=True)
    outro_start = models.PositiveIntegerField("початок ендінгу, с", null=True, blank=True)
    outro_end = models.PositiveIntegerField("кінець ендінгу, с", null=True, blank=True)

    base_form_class = EpisodeForm
    content_panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("air_date"), FieldPanel("duration")]),
        FieldPanel("title", heading="Назва серії"),
        FieldRowPanel([FieldPanel("intro_start"), FieldPanel("intro_end")], heading="Опенінг"),
        FieldRowPanel([FieldPanel("outro_start"), FieldPanel("outro_end")], heading="Ендінг"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Основне"),
            ObjectList([EpisodeSourcesPanel(heading="Відеоджерела")], heading="Джерела"),
            ObjectList(Page.promote_panels, heading="Просування"),
            ObjectList(Page.settings_panels, heading="Налаштування"),
        ]
    )
    search_fields = Page.search_fields
    api_fields = [
        APIField("number"),
        APIField("air_date"),
        APIField("duration"),
        APIField("intro_start"),
        APIField("intro_end"),
        APIField("outro_start"),
        APIField("outro_end"),
        APIField("sources", serializer=SourceSummarySerializer(many=True, source="active_sources")),
        APIField("previous", serializer=EpisodeRefSerializer(allow_null=True)),
        APIField("next", serializer=EpisodeRefSerializer(allow_null=True)),
    ]
    parent_page_types = ["anime.AnimePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "серія"
        verbose_name_plural = "серії"
        ordering = ["number"]

    @classmethod
    def api_prefetch(cls, queryset):
        return with_neighbours(queryset).prefetch_related(
            models.Prefetch(
                "sources",
                queryset=VideoSource.objects.select_related("dub_team__logo").prefetch_related(
                    "dub_team__logo__renditions"
                ),
            )
        )

    @property
    def previous(self) -> dict | None:
        """The live episode just before this one (by number), for the watch page's links."""
        return neighbour_ref(self, "previous_ref")

    @property
    def next(self) -> dict | None:
        return neighbour_ref(self, "next_ref")

    @property
    def active_sources(self):
        return [source for source in self.sources.all() if source.visible]

    def clean(self):
        super().clean()
        errors = {}
        for start, end in (("intro_start", "intro_end"), ("outro_start", "outro_end")):
            a, b = getattr(self, start), getattr(self, end)
            if a is not None and b is not None and b <= a:
                errors[end] = "Кінець має бути пізніше за початок."
        if errors:
            raise ValidationError(errors)


class SourceKind(models.TextChoices):
    HLS = "hls", "HLS (один master-плейлист)"
    HLS_VARIANTS = "hls_variants", "HLS (плейлист на кожну якість)"
    IFRAME = "iframe", "Вбудований плеєр (iframe)"


def validate_stream_url(value) -> None:
    """The URL rules of ``outbound.urls`` (read as a browser reads the URL), for editors."""
    try:
        parse_http_url(value)
    except UnsafeUrl as error:
        raise ValidationError(
            "Адреса має починатися з http:// або https:// і бути звичайним посиланням на хост: "
            "без пробілів, зворотних скісних рисок, керівних символів і даних входу (user@).",
            code="stream_url",
        ) from error


def validate_variants(value) -> None:
    if not isinstance(value, dict):
        raise ValidationError('Якості мають бути об\'єктом JSON: {"720": "https://…"}.')
    for quality, url in value.items():
        if not str(quality).rstrip("p").isdigit():
            raise ValidationError(f"Якість «{quality}» має бути числом, напр. 720.")
        validate_stream_url(url)


def validate_subtitles(value) -> None:
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and item.get("lang") and isinstance(item.get("url"), str)
        for item in value
    ):
        raise ValidationError('Субтитри мають бути списком: [{"lang": "uk", "url": "https://…"}].')
    for item in value:
        validate_stream_url(item["url"])


class VideoSourceQuerySet(models.QuerySet):
    def active(self):
        """What visitors may see: switched on (`is_active`, cleared by the source check) and
        published (`live`: a team's source waiting for approval is not)."""
        return self.filter(is_active=True, live=True)


class VideoSource(WorkflowMixin, DraftStateMixin, RevisionMixin, Orderable):
    """One stream of an episode: a dub (or the original) from one external provider."""

    episode = models.ForeignKey(
        EpisodePage, verbose_name="серія", on_delete=models.CASCADE, related_name="sources"
    )
    dub_team = models.ForeignKey(
        "dubbing.DubTeamPage",
        verbose_name="команда озвучення",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="video_sources",
        help_text="Порожньо — оригінальна доріжка.",
    )
    language = models.CharField("мова", max_length=2, choices=Language.choices, default="uk")
    kind = models.CharField("тип", max_length=20, choices=SourceKind.choices, default="hls")
    provider = models.CharField("провайдер", max_length=20, choices=provider_choices())
    url = models.URLField("адреса", max_length=1000, blank=True)
    variants = models.JSONField(
        "плейлисти якостей", default=dict, blank=True, validators=[validate_variants]
    )
    subtitles = models.JSONField(
        "субтитри", default=list, blank=True, validators=[validate_subtitles]
    )
    is_active = models.BooleanField("активне", default=True)
    last_checked = models.DateTimeField("остання перевірка", null=True, blank=True, editable=False)
    last_status = models.CharField(
        "результат перевірки", max_length=255, blank=True, editable=False
    )
    consecutive_failures = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = VideoSourceQuerySet.as_manager()

    base_form_class = VideoSourceForm
    panels = [
        PageChooserPanel("episode", "anime.EpisodePage"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("dub_team")]),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("kind")]),
        FieldPanel("url"),
        FieldPanel("variants"),
        FieldPanel("subtitles"),
        FieldPanel("is_active"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "відеоджерело"
        verbose_name_plural = "відеоджерела"

    def __str__(self):
        number = getattr(self.episode, "number", "?") if self.episode_id else "?"
        return f"Серія {number} · {self.get_provider_display()} · {self.get_language_display()}"

    @property
    def visible(self) -> bool:
        """The row-level form of `VideoSource.objects.active()`."""
        return self.is_active and self.live

    def stream_urls(self) -> list[str]:
        return [self.url] if self.url else [u for u in self.variants.values() if isinstance(u, str)]

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.url:
            try:
                validate_stream_url(self.url)
            except ValidationError as error:
                errors["url"] = error.messages[0]
        if not self.url and not self.variants:
            errors["url"] = "Вкажіть адресу або плейлисти якостей."
        if self.kind == SourceKind.HLS_VARIANTS and not self.variants:
            errors["variants"] = "Для цього типу потрібні плейлисти якостей."
        if self.kind == SourceKind.IFRAME and not self.url:
            errors["url"] = "Для вбудованого плеєра потрібна адреса сторінки плеєра."
        if "url" not in errors and "variants" not in errors:
            bad = [u for u in self.stream_urls() if not is_allowed_stream_url(self.provider, u)]
            if bad:
                hosts = ", ".join(allowed_hosts(self.provider)) or "жодного"
                errors["variants" if not self.url else "url"] = (
                    f"Хост {urlsplit(bad[0]).hostname or bad[0]} не дозволений для провайдера "
                    f"«{self.provider}» "
                    f"(дозволені: {hosts})."
                )
        if self.language == Language.UK and self.dub_team_id is None:
            errors["dub_team"] = "Для української доріжки вкажіть команду озвучення."
        if errors:
            raise ValidationError(errors)
