"""Manga content: MangaIndexPage -> MangaPage -> ChapterPage. Page images are never stored:
a chapter points at MangaDex, at a list of external image URLs, or only at the page where it is
read elsewhere (`source_url`: a chapter hosted by its translators)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessMixin

from cms.catalog.forms import NumberedChildForm
from cms.catalog.models import (
    MANGA_FORMATS,
    Language,
    SectionIndexPage,
    TitleKind,
    TitlePage,
    title_edit_handler,
)
from cms.catalog.neighbours import neighbour_ref, with_neighbours
from cms.catalog.serializers import ChapterRefSerializer, TranslatorField
from cms.catalog.validators import validate_http_url
from outbound.hosts import is_allowed_url


class MangaIndexPage(SectionIndexPage):
    """`/manga/`: the catalog of manga (the listing comes from the `titles` API)."""

    subpage_types = ["manga.MangaPage"]

    class Meta:
        verbose_name = "каталог манги"


class MangaPage(TitlePage):
    volumes_total = models.PositiveIntegerField("кількість томів", null=True, blank=True)
    chapters_total = models.PositiveIntegerField("кількість розділів", null=True, blank=True)

    allowed_formats = MANGA_FORMATS
    page_kind = TitleKind.MANGA
    is_creatable = True
    parent_page_types = ["manga.MangaIndexPage"]
    subpage_types = ["manga.ChapterPage"]
    edit_handler = title_edit_handler(
        release_extra=(FieldRowPanel([FieldPanel("volumes_total"), FieldPanel("chapters_total")]),)
    )
    api_fields = TitlePage.api_fields + [APIField("volumes_total"), APIField("chapters_total")]

    class Meta:
        verbose_name = "манга"
        verbose_name_plural = "манга"


def chapter_slug(number: Decimal) -> str:
    """10 -> "10", 10.5 -> "10-5": chapter URLs use "-" for the decimal point."""
    text = format(Decimal(number).normalize(), "f")
    return text.replace(".", "-")


class ChapterForm(NumberedChildForm):
    duplicate_message = "Розділ {number} цією мовою вже є."

    def slug_for(self, number) -> str:
        return chapter_slug(number)

    def sibling_filter(self, cleaned_data: dict) -> dict:
        return {"number": cleaned_data["number"], "language": cleaned_data.get("language", "uk")}

    def clean(self):
        cleaned = super().clean()
        # Browsers load page images straight from their host, which the Content-Security-Policy
        # allows only for READER_IMAGE_HOSTS: a page elsewhere would never show.
        hosts = settings.READER_IMAGE_HOSTS
        urls = cleaned.get("page_urls")
        off_list = (
            [u for u in urls if not is_allowed_url(u, hosts)] if isinstance(urls, list) else []
        )
        if off_list:
            self.add_error(
                "page_urls",
                f"{str(off_list[0])[:100]}: сторінки можуть бути лише на дозволених хостах "
                f"({', '.join(hosts)}; налаштування READER_IMAGE_HOSTS).",
            )
        return cleaned


# A reader goes from chapter to chapter in one language.
NEIGHBOUR_PARTITION = ("language",)


class ChapterPage(HeadlessMixin, Page):
    volume = models.PositiveIntegerField("том", null=True, blank=True)
    number = models.DecimalField(
        "номер розділу", max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    language = models.CharField("мова", max_length=2, choices=Language.choices, default="uk")
    translator = models.ForeignKey(
        "dubbing.DubTeamPage",
        verbose_name="перекладач",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chapters",
    )
    translator_name = models.CharField(
        "перекладач (назва)",
        max_length=255,
        blank=True,
        help_text="Назва команди, коли її сторінки на сайті немає (імпорт з MangaDex бере її "
        "з групи перекладачів).",
    )
    mangadex_chapter_id = models.CharField("ID розділу на MangaDex", max_length=64, blank=True)
    page_urls = models.JSONField("адреси сторінок", default=list, blank=True)
    source_url = models.URLField(
        "посилання на джерело",
        max_length=500,
        blank=True,
        validators=[validate_http_url],
        help_text="Де розділ можна прочитати в перекладачів. Без MangaDex і без адрес сторінок "
        "читач показує лише це посилання.",
    )

    base_form_class = ChapterForm
    content_panels = [
        FieldRowPanel([FieldPanel("volume"), FieldPanel("number"), FieldPanel("language")]),
        FieldPanel("title", heading="Назва розділу"),
        PageChooserPanel("translator", "dubbing.DubTeamPage"),
        FieldPanel("translator_name"),
        FieldPanel("mangadex_chapter_id"),
        FieldPanel("page_urls"),
        FieldPanel("source_url"),
    ]
    api_fields = [
        APIField("volume"),
        APIField("number"),
        APIField("language"),
        APIField("translator", serializer=TranslatorField()),
        APIField("mangadex_chapter_id"),
        APIField("page_count"),
        APIField("previous", serializer=ChapterRefSerializer(allow_null=True)),
        APIField("next", serializer=ChapterRefSerializer(allow_null=True)),
    ]
    parent_page_types = ["manga.MangaPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "розділ"
        verbose_name_plural = "розділи"
        ordering = ["number"]

    @classmethod
    def api_prefetch(cls, queryset):
        return (
            with_neighbours(queryset, NEIGHBOUR_PARTITION)
            .select_related("translator__logo")
            .prefetch_related("translator__logo__renditions")
        )

    @property
    def previous(self) -> dict | None:
        """The live chapter just before this one in the same language, for the reader."""
        return neighbour_ref(self, "previous_ref", NEIGHBOUR_PARTITION)

    @property
    def next(self) -> dict | None:
        return neighbour_ref(self, "next_ref", NEIGHBOUR_PARTITION)

    @property
    def page_count(self) -> int:
        return len(self.page_urls or [])

    def clean(self):
        super().clean()
        if not isinstance(self.page_urls, list) or not all(
            isinstance(url, str) for url in self.page_urls
        ):
            raise ValidationError({"page_urls": "Адреси сторінок мають бути списком рядків."})
        for url in self.page_urls:
            try:
                validate_http_url(url)
            except ValidationError as error:
                raise ValidationError({"page_urls": f"{url}: {error.messages[0]}"}) from error
        if not (self.mangadex_chapter_id or self.page_urls or self.source_url):
            raise ValidationError(
                {
                    "page_urls": "Вкажіть ID розділу на MangaDex, адреси сторінок "
                    "або посилання на джерело."
                }
            )
