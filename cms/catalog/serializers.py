"""The representation layer: every shape the API shares, one serializer each, used by the page
types' `api_fields` and by every custom endpoint (and so listed once in the OpenAPI schema):
`Label` (genre, studio), `DubTeamRef`, `TitleSummary`, `TitleCard` (a summary with what the
catalog grid shows), `EpisodeRef`, `ChapterRef` and `TranslatorField` (a team or its name).
They read attributes or dict keys, so a model instance, a `.values()` row or a neighbour
annotation all serialize alike. The catalog is the
base layer, so these name no model of the apps above it.

Link convention: every link our API returns is the page's path on the public site, relative to
its origin (`/anime/<slug>/`, `/anime/<slug>/<n>/`, `/dub-teams/<slug>/`), in a field called
`url` (`SitePathField`). Only Wagtail's own `meta.html_url` stays absolute (`FRONTEND_URL` +
the path), as Wagtail defines it."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .paths import frontend_url, page_path

PAGE_TYPES = {"anime": "anime.AnimePage", "manga": "manga.MangaPage"}


class SitePathField(serializers.CharField):
    """A page's path on the site ("/anime/<slug>/"), read from its Wagtail `url_path`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "url_path")
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("help_text", "Шлях сторінки на сайті, напр. /anime/<slug>/")
        super().__init__(**kwargs)

    def to_representation(self, value):
        return page_path(value)


class LabelSerializer(serializers.Serializer):
    """How genres and studios appear in the API."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class DubTeamRefSerializer(serializers.Serializer):
    """A dub team (a DubTeamPage) wherever a title, an episode or a chapter mentions it."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    logo_url = serializers.CharField(allow_null=True)
    url = SitePathField()


@extend_schema_field(
    {
        "oneOf": [{"$ref": "#/components/schemas/DubTeamRef"}, {"type": "string"}],
        "nullable": True,
        "description": "Команда перекладу: її сторінка на сайті, або лише назва, якщо сторінки "
        "немає (null — невідомо)",
    }
)
class TranslatorField(serializers.Field):
    """Who translated a chapter: a `DubTeamRef` when the team has a page here, else its name
    (`translator_name`, e.g. a MangaDex scanlation group), else null. Reads the whole object."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        team = getattr(value, "translator", None)
        if team is not None:
            return DubTeamRefSerializer(team).data
        return getattr(value, "translator_name", "") or None


class TitleSummarySerializer(serializers.Serializer):
    """A title as lists outside the catalog grid show it (search box, dub team, schedule)."""

    id = serializers.IntegerField(help_text="Ідентифікатор сторінки")
    kind = serializers.ChoiceField(choices=list(PAGE_TYPES))
    title = serializers.CharField()
    title_en = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    poster_url = serializers.CharField()
    url = SitePathField()


class TitleMetaSerializer(serializers.Serializer):
    type = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    slug = serializers.CharField()

    def get_type(self, page) -> str:
        return PAGE_TYPES[page.kind]

    def get_html_url(self, page) -> str:
        return frontend_url(page.url_path)


class TitleCardSerializer(TitleSummarySerializer):
    """A title in the catalog grid (`titles/`): the summary, Wagtail's `meta`, and facts."""

    meta = TitleMetaSerializer(source="*")
    season = serializers.CharField()
    format = serializers.CharField()
    status = serializers.CharField()
    rating = serializers.FloatField(allow_null=True)
    rating_count = serializers.IntegerField()
    external_score = serializers.FloatField(allow_null=True)
    genres = LabelSerializer(many=True)
    dub_teams = DubTeamRefSerializer(many=True)


class EpisodeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    url = SitePathField()


class ChapterRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.DecimalField(max_digits=7, decimal_places=2)
    title = serializers.CharField()
    url = SitePathField()
