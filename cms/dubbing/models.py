"""Dub teams: DubTeamIndexPage -> DubTeamPage, and the users who are members of a team."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from cms.catalog.models import SectionIndexPage, TitlePage
from cms.catalog.paths import page_path
from cms.catalog.validators import validate_http_url


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

    content_panels = Page.content_panels + [
        FieldPanel("logo"),
        FieldPanel("color"),
        FieldPanel("description"),
        FieldPanel("links"),
        FieldPanel("founded"),
        InlinePanel("memberships", heading="Учасники", label="Учасник"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    api_fields = [
        APIField("logo_url"),
        APIField("color"),
        APIField("description"),
        APIField("links"),
        APIField("founded"),
        APIField("titles"),
    ]
    parent_page_types = ["dubbing.DubTeamIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "команда озвучення"
        verbose_name_plural = "команди озвучення"

    @property
    def logo_url(self) -> str | None:
        if not self.logo:
            return None
        return self.logo.get_rendition("fill-256x256|format-png").url

    def as_ref(self) -> dict:
        """How a team appears wherever a title or an episode mentions it."""
        return {"id": self.id, "slug": self.slug, "title": self.title, "logo_url": self.logo_url}

    @classmethod
    def ref_queryset(cls):
        """Teams with what `as_ref` reads, in a fixed number of queries."""
        return cls.objects.select_related("logo").prefetch_related("logo__renditions")

    @property
    def titles(self) -> list[dict]:
        """The live titles this team voices or translates, newest first."""
        pages = (
            TitlePage.objects.live()
            .filter(dubbings__dub_team=self)
            .distinct()
            .order_by("-year", "id")
            .values("id", "title", "url_path", "kind", "year", "poster_url")
        )
        return [
            {
                "id": page["id"],
                "title": page["title"],
                "kind": page["kind"],
                "year": page["year"],
                "poster_url": page["poster_url"],
                "url": page_path(page["url_path"]),
            }
            for page in pages
        ]


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
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_dub_team_member")
        ]
