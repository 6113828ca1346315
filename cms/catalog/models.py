"""Catalog content shared by anime and manga: HomePage, the Genre and Studio snippets, the
TitlePage base with every catalog field, and the choices (kinds, formats, languages) the content
apps share. Which teams voice a title (`TitleDubbing`) is the dubbing app's."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_headless_preview.models import HeadlessMixin

from .relations import prefetch_title_relations
from .serializers import DubTeamRefSerializer, LabelSerializer
from .transliteration import transliterated_names
from .validators import validate_poster_url


class NamedSnippet(index.Indexed, models.Model):
    """A catalog label with a Ukrainian and an English name (genres, studios)."""

    name = models.CharField("назва", max_length=100)
    name_en = models.CharField("назва англійською", max_length=100, blank=True)
    slug = models.SlugField("слаг", max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Genre(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = "жанр"
        verbose_name_plural = "жанри"


@register_snippet
class Studio(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = "студія"
        verbose_name_plural = "студії"


class HomePage(HeadlessMixin, Page):
    """The site root; the Next.js home page is built from the API, not from this page's body."""

    intro = models.CharField("підзаголовок", max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["anime.AnimeIndexPage", "manga.MangaIndexPage", "dubbing.DubTeamIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "головна сторінка"


class SectionIndexPage(HeadlessMixin, Page):
    """A top-level section under the home page (`/anime/`, `/manga/`, `/dub-teams/`); its
    listing comes from the API, the page itself only carries a title and an intro."""

    intro = models.CharField("підзаголовок", max_length=255, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["catalog.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class TitleKind(models.TextChoices):
    ANIME = "anime", "Аніме"
    MANGA = "manga", "Манга"


class Format(models.TextChoices):
    TV = "tv", "ТБ-серіал"
    MOVIE = "movie", "Фільм"
    OVA = "ova", "OVA"
    ONA = "ona", "ONA"
    SPECIAL = "special", "Спешл"
    MUSIC = "music", "Кліп"
    MANGA = "manga", "Манга"
    MANHWA = "manhwa", "Манхва"
    MANHUA = "manhua", "Маньхва"
    ONE_SHOT = "one_shot", "Ваншот"
    LIGHT_NOVEL = "light_novel", "Ранобе"


ANIME_FORMATS = {"tv", "movie", "ova", "ona", "special", "music"}
MANGA_FORMATS = {"manga", "manhwa", "manhua", "one_shot", "light_novel"}


class Status(models.TextChoices):
    ANNOUNCED = "announced", "Анонсовано"
    ONGOING = "ongoing", "Виходить"
    FINISHED = "finished", "Завершено"
    PAUSED = "paused", "Призупинено"
    CANCELLED = "cancelled", "Скасовано"


class Season(models.TextChoices):
    WINTER = "winter", "Зима"
    SPRING = "spring", "Весна"
    SUMMER = "summer", "Літо"
    FALL = "fall", "Осінь"


class AgeRating(models.TextChoices):
    G = "g", "G — для всіх"
    PG = "pg", "PG — для дітей"
    PG13 = "pg13", "PG-13 — від 13 років"
    R = "r", "R — від 17 років"
    R_PLUS = "r_plus", "R+ — є відвертість"
    RX = "rx", "Rx — хентай"


class TitlePage(HeadlessMixin, Page):
    """Everything anime and manga have in common. Concrete (multi-table) rather than abstract so
    the catalog listing, facets and search run on one table across both kinds (see README)."""

    title_en = models.CharField("назва англійською", max_length=255, blank=True)
    title_romaji = models.CharField("назва ромаджі", max_length=255, blank=True)
    title_native = models.CharField("оригінальна назва", max_length=255, blank=True)
    synonyms = models.JSONField("інші назви", default=list, blank=True)
    description = RichTextField("опис", blank=True, features=["bold", "italic", "link", "ol", "ul"])
    genres = ParentalManyToManyField(Genre, verbose_name="жанри", blank=True, related_name="titles")
    studios = ParentalManyToManyField(
        Studio, verbose_name="студії", blank=True, related_name="titles"
    )
    format = models.CharField("формат", max_length=20, choices=Format.choices, db_index=True)
    status = models.CharField(
        "статус", max_length=20, choices=Status.choices, default=Status.ANNOUNCED, db_index=True
    )
    start_date = models.DateField("дата початку", null=True, blank=True)
    end_date = models.DateField("дата завершення", null=True, blank=True)
    season = models.CharField("сезон", max_length=10, choices=Season.choices, blank=True)
    year = models.PositiveSmallIntegerField(
        "рік",
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    age_rating = models.CharField(
        "віковий рейтинг", max_length=10, choices=AgeRating.choices, blank=True
    )
    poster_url = models.CharField(
        "постер (URL)", max_length=500, blank=True, validators=[validate_poster_url]
    )
    external_ids = models.JSONField("зовнішні ідентифікатори", default=dict, blank=True)
    external_score = models.DecimalField(
        "оцінка джерела (0–10)",
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    # The site's own rating: the mean of user scores, maintained by the ratings code.
    rating = models.DecimalField(
        "рейтинг сайту", max_digits=4, decimal_places=2, null=True, blank=True, editable=False
    )
    rating_count = models.PositiveIntegerField("кількість оцінок", default=0, editable=False)
    kind = models.CharField(max_length=10, choices=TitleKind.choices, editable=False, db_index=True)

    names_panels = [
        FieldPanel("title_en"),
        FieldPanel("title_romaji"),
        FieldPanel("title_native"),
        FieldPanel("synonyms", help_text='Список рядків у форматі JSON, напр. ["AoT"].'),
    ]
    release_panels = [
        FieldPanel("format"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("season"), FieldPanel("year")]),
        FieldPanel("age_rating"),
    ]
    sources_panels = [
        FieldPanel("external_ids"),
        FieldPanel("external_score"),
    ]
    main_panels = [
        TitleFieldPanel("title", heading="Назва українською"),
        FieldPanel("poster_url"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("genres"), FieldPanel("studios")], heading="Класифікація"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("title_en", boost=3),
        index.SearchField("title_romaji", boost=3),
        index.SearchField("title_native", boost=2),
        index.SearchField("synonyms_text", boost=2),
        index.SearchField("names_transliterated", boost=2),
        index.SearchField("description"),
        index.SearchField("dub_team_names"),
        index.AutocompleteField("title_en"),
        index.AutocompleteField("title_romaji"),
        index.AutocompleteField("synonyms_text"),
        index.AutocompleteField("names_transliterated"),
        index.RelatedFields("genres", [index.SearchField("name"), index.SearchField("name_en")]),
        index.RelatedFields("studios", [index.SearchField("name"), index.SearchField("name_en")]),
        index.FilterField("kind"),
        index.FilterField("format"),
        index.FilterField("status"),
        index.FilterField("year"),
        index.FilterField("rating"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("title_en"),
        APIField("title_romaji"),
        APIField("title_native"),
        APIField("synonyms"),
        APIField("description"),
        APIField("genres", serializer=LabelSerializer(many=True)),
        APIField("studios", serializer=LabelSerializer(many=True)),
        APIField("format"),
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("season"),
        APIField("year"),
        APIField("age_rating"),
        APIField("poster_url"),
        APIField("external_ids"),
        APIField("external_score"),
        APIField("rating"),
        APIField("rating_count"),
        APIField("dub_teams", serializer=DubTeamRefSerializer(many=True)),
    ]

    # Kind-specific formats, set by AnimePage/MangaPage.
    allowed_formats: set[str] = set()
    page_kind = ""
    is_creatable = False

    class Meta:
        verbose_name = "тайтл"
        verbose_name_plural = "тайтли"

    @classmethod
    def api_prefetch(cls, queryset):
        # `dubbings` are the dubbing app's TitleDubbing rows (a reverse relation: the catalog
        # names no model of the layer above it); `dub_teams` reads them with team and logo,
        # in one query.
        dubbings = cls._meta.get_field("dubbings").related_model
        return queryset.prefetch_related(
            "genres", "studios", models.Prefetch("dubbings", queryset=dubbings.with_team_refs())
        )

    def prefetch_for_api(self) -> None:
        """What `api_prefetch` prefetches, for this one page in one statement."""
        prefetch_title_relations(self, TitlePage)

    @property
    def synonyms_text(self) -> str:
        return " ".join(str(name) for name in self.synonyms or [])

    @property
    def all_names(self) -> list[str]:
        """The names a visitor may search by, in the scripts they are written in."""
        names = [self.title, self.title_en, self.title_romaji, *map(str, self.synonyms or [])]
        return [name for name in names if name]

    @property
    def names_transliterated(self) -> str:
        """Indexed: every name in the other alphabet, so "ataka tytaniv" and "наруто" match."""
        return transliterated_names(self.all_names)

    @property
    def dub_team_names(self) -> str:
        """Indexed: the teams voicing the title, so a team's name finds its titles."""
        return " ".join(team.title for team in self.dub_teams)

    @property
    def dub_teams(self) -> list:
        """The teams (DubTeamPage) voicing or translating this title, from the active sources
        or chapters: the dubbing app's TitleDubbing rows, read through their reverse relation."""
        seen = {}
        for dubbing in self.dubbings.all():
            team = dubbing.dub_team
            if team is not None:
                seen.setdefault(team.id, team)
        return list(seen.values())

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Дата завершення не може бути раніше за дату початку."
        if self.format and self.allowed_formats and self.format not in self.allowed_formats:
            errors["format"] = "Цей формат не підходить для такого типу тайтлу."
        if not isinstance(self.synonyms, list) or not all(
            isinstance(name, str) for name in self.synonyms
        ):
            errors["synonyms"] = 'Інші назви мають бути списком рядків, напр. ["AoT"].'
        if not isinstance(self.external_ids, dict):
            errors["external_ids"] = "Зовнішні ідентифікатори мають бути об'єктом JSON."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.kind = self.page_kind
        return super().save(*args, **kwargs)


def title_edit_handler(*extra_tabs: ObjectList, main_extra=(), release_extra=()):
    """The editor's tabs for a title: main, names, release, sources (+ kind-specific ones)."""
    return TabbedInterface(
        [
            ObjectList([*TitlePage.main_panels, *main_extra], heading="Основне"),
            ObjectList(TitlePage.names_panels, heading="Назви"),
            ObjectList([*TitlePage.release_panels, *release_extra], heading="Випуск"),
            *extra_tabs,
            ObjectList(TitlePage.sources_panels, heading="Джерела"),
            ObjectList(Page.promote_panels, heading="Просування"),
            ObjectList(Page.settings_panels, heading="Налаштування"),
        ]
    )


class Language(models.TextChoices):
    UK = "uk", "Українська"
    JA = "ja", "Японська (оригінал)"
    EN = "en", "Англійська"
