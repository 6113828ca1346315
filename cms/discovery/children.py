"""`GET /api/v2/pages/<id>/children/`: a page's live children with the fields a list shows, in
one request and a fixed number of queries however many there are. The lists are a title's
episodes (anime) or chapters (manga), and the dub teams under the teams' index page. Wagtail's
own listing (`pages/?child_of=`) serializes every field of every child (neighbours, each
team's titles), which costs queries per child."""

from django.db.models import Count, Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page

from cms.anime.models import AnimePage, EpisodePage, VideoSource
from cms.anime.serializers import SourceSummarySerializer
from cms.catalog.cache import anonymous_cache
from cms.catalog.serializers import SitePathField, TranslatorField
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage
from cms.manga.models import ChapterPage, MangaPage
from config.api_errors import INT_MAX, ApiErrorSerializer

NOT_FOUND = "Сторінку не знайдено або вона не має списку дочірніх сторінок."


class EpisodeListItemSerializer(serializers.Serializer):
    """An episode in a title's list: what the episode grid and the dub picker show."""

    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    url = SitePathField()
    air_date = serializers.DateField(allow_null=True)
    duration = serializers.IntegerField(allow_null=True, help_text="Тривалість, с")
    sources = SourceSummarySerializer(many=True, source="listed_sources")


class ChapterListItemSerializer(serializers.Serializer):
    """A chapter in a title's list."""

    id = serializers.IntegerField()
    number = serializers.DecimalField(max_digits=7, decimal_places=2)
    volume = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    language = serializers.CharField()
    url = SitePathField()
    translator = TranslatorField()


class TeamListItemSerializer(serializers.Serializer):
    """A dub team on the teams' page: its card and how many live titles it voices."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    url = SitePathField()
    logo_url = serializers.CharField(allow_null=True)
    color = serializers.CharField()
    title_count = serializers.IntegerField()


class ChildrenParentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text="Тип сторінки, напр. anime.AnimePage")
    title = serializers.CharField()
    url = SitePathField()


class PageChildrenSerializer(serializers.Serializer):
    """One list is filled, by the parent's type; the other two are empty."""

    parent = ChildrenParentSerializer()
    episodes = EpisodeListItemSerializer(many=True)
    chapters = ChapterListItemSerializer(many=True)
    teams = TeamListItemSerializer(many=True)


def list_episodes(parent: Page) -> list[EpisodePage]:
    sources = VideoSource.objects.active().select_related("dub_team__logo")
    return list(
        EpisodePage.objects.child_of(parent)
        .live()
        .public()
        .order_by("number", "id")
        .prefetch_related(
            Prefetch("sources", queryset=sources, to_attr="listed_sources"),
            "listed_sources__dub_team__logo__renditions",
        )
    )


def list_chapters(parent: Page) -> list[ChapterPage]:
    return list(
        ChapterPage.objects.child_of(parent)
        .live()
        .public()
        .order_by("number", "language", "id")
        .select_related("translator__logo")
        .prefetch_related("translator__logo__renditions")
    )


def list_teams(parent: Page) -> list[DubTeamPage]:
    live_titles = Count("dubbings__title", filter=Q(dubbings__title__live=True), distinct=True)
    return list(
        DubTeamPage.objects.child_of(parent)
        .live()
        .public()
        .annotate(title_count=live_titles)
        .order_by("title", "id")
        .select_related("logo")
        .prefetch_related("logo__renditions")
    )


LISTS = {
    AnimePage: ("episodes", list_episodes),
    MangaPage: ("chapters", list_chapters),
    DubTeamIndexPage: ("teams", list_teams),
}


def page_children(page_id: int) -> dict:
    """The children list of a live, public page that has one; NotFound (404) otherwise."""
    parent = Page.objects.live().public().filter(pk=page_id).first() if page_id <= INT_MAX else None
    model = parent and parent.specific_class
    if model not in LISTS:
        raise NotFound(NOT_FOUND)
    name, read = LISTS[model]
    lists: dict = {"episodes": [], "chapters": [], "teams": []}
    lists[name] = read(parent)
    parent.type = model._meta.label
    return {"parent": parent, **lists}


class PageChildrenView(APIView):
    """`GET /api/v2/pages/<id>/children/`: a title's episodes or chapters, or the dub teams."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(responses={200: PageChildrenSerializer, 404: ApiErrorSerializer})
    @anonymous_cache("children", known_parameters=set())
    def get(self, request, pk: int):
        return Response(PageChildrenSerializer(page_children(pk)).data)
