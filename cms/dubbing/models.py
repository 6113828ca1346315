"""Dub teams: DubTeamIndexPage -> DubTeamPage, the users who are members of a team, and
TitleDubbing (which team voices which title in which language), the dubbing facts the content
apps and the catalog listing read."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.catalog.forms import JSONRowsField
from cms.catalog.models import Language, SectionIndexPage, TitlePage
from cms.catalog.serializers import TitleSummarySerializer
from cms.catalog.validators import validate_http_url

LOGO_RENDITION = "fill-256x256|format-png"


class DubTeamIndexPage(SectionIndexPage):
    """`/dub-teams/`: every team."""

    subpage_types = ["dubbing.DubTeamPage"]

    class Meta:
        verbose_name = "команди озвучення"


def validate_links(value) -> None:
    if not isinstance(value, list) or not all(
        isinstance(item, dict) and item.get("label") and isinstance(item.get("url"), str)
        for item in value
    ):
        raise ValidationError('Посилання — список: [{"label": "Telegram", "url": "https://…"}].')
    for item in value:
        validate_http_url(item["url"])


class DubTeamForm(WagtailAdminPageForm):
    links = JSONRowsField(
        [("label", "Назва (Telegram, YouTube…)"), ("url", "Адреса")], label="Посилання"
    )


class DubTeamPage(HeadlessMixin, Page):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="логотип",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    color = models.CharField("фірмовий колір", max_length=7, blank=True)
    description = RichTextField("опис", blank=True, features=["bold", "italic", "link"])
    links = models.JSONField("посилання", default=list, blank=True, validators=[validate_links])
    founded = models.PositiveSmallIntegerField("рік заснування", null=True, blank=True)
    usual_delay_hours = models.PositiveSmallIntegerField(
        "звичайна затримка озвучення, год",
        null=True,
        blank=True,
        help_text="Скільки годин після виходу серії в Японії зазвичай з'являється озвучення.",
    )

    base_form_class = DubTeamForm
    content_panels = Page.content_panels + [
        FieldPanel("logo"),
        FieldPanel("color"),
        FieldPanel("description"),
        FieldPanel("links"),
        FieldPanel("founded"),
        FieldPanel("usual_delay_hours"),
        InlinePanel("memberships", heading="Учасники", label="Учасник"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    api_fields = [
        APIField("logo_url"),
        APIField("color"),
        APIField("description"),
        APIField("links"),
        APIField("founded"),
        APIField("titles", serializer=TitleSummarySerializer(many=True)),
    ]
    parent_page_types = ["dubbing.DubTeamIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "команда озвучення"
        verbose_name_plural = "команди озвучення"

    def permissions_for_user(self, user):
        from .permissions import TeamPagePermissionTester

        return TeamPagePermissionTester(user, self)

    @property
    def logo_url(self) -> str | None:
        if not self.logo:
            return None
        # Wagtail caches renditions; with Redis down the cache answers "not cached"
        # (IGNORE_EXCEPTIONS in settings) and this reads the database.
        return self.logo.get_rendition(LOGO_RENDITION).url

    @classmethod
    def ref_queryset(cls):
        """Teams with what `DubTeamRefSerializer` reads, in a fixed number of queries."""
        return cls.objects.select_related("logo").prefetch_related("logo__renditions")

    @property
    def titles(self):
        """The live titles this team voices or translates, newest first."""
        return (
            TitlePage.objects.live()
            .filter(dubbings__dub_team=self)
            .distinct()
            .order_by("-year", "id")
            .values("id", "title", "title_en", "url_path", "kind", "year", "poster_url")
        )


class DubTeamMembership(Orderable):
    team = ParentalKey(DubTeamPage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="користувач",
        on_delete=models.CASCADE,
        related_name="dub_team_memberships",
    )
    role = models.CharField("роль у команді", max_length=100, blank=True)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "учасник команди озвучення"
        verbose_name_plural = "учасники команд озвучення"
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_dub_team_member")
        ]


class TitleDubbing(models.Model):
    """Which team voices a title in which language, derived from the live episodes' active
    sources (or the chapters' translators). Kept so that listing filters and facets on dub team
    and audio language are one indexed join instead of a walk over the page tree."""

    title = models.ForeignKey(TitlePage, on_delete=models.CASCADE, related_name="dubbings")
    dub_team = models.ForeignKey(
        DubTeamPage, on_delete=models.CASCADE, null=True, related_name="dubbings"
    )
    language = models.CharField(max_length=2, choices=Language.choices)

    class Meta:
        # Created by the catalog app before the model moved here (dubbing.0002): same table.
        db_table = "catalog_titledubbing"
        constraints = [
            models.UniqueConstraint(
                fields=["title", "dub_team", "language"], name="unique_title_dubbing"
            ),
            models.UniqueConstraint(
                fields=["title", "language"],
                condition=models.Q(dub_team__isnull=True),
                name="unique_title_original_dubbing",
            ),
        ]

    def __str__(self):
        return f"{self.title_id}: {self.dub_team_id or 'оригінал'} ({self.language})"

    @classmethod
    def with_team_refs(cls):
        """Rows naming a team, with what `DubTeamRefSerializer` reads prefetched."""
        return (
            cls.objects.filter(dub_team__isnull=False)
            .select_related("dub_team__logo")
            .prefetch_related("dub_team__logo__renditions")
        )
