"""Admin views of the dub-studio admin: «Мої джерела» (the sources viewset: a listing scoped to
the actor's teams, every object URL guarded by `can`), «Додати сезон» and «Довірені команди»."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import (
    BooleanColumn,
    Column,
    DateColumn,
    LiveStatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from accounts.models import TrustedTeam
from accounts.roles import can
from cms.anime.models import EpisodePage, VideoSource

from .forms import SeasonForm, TeamSourceForm
from .permissions import TrustedTeamPolicy, VideoSourcePolicy
from .workflow import save_new_source

# Registered for the models (not through the viewsets, which Wagtail 9 stops supporting), so
# every admin view of these rows asks the same policy.
register_permission_policy(VideoSource, VideoSourcePolicy(VideoSource))
register_permission_policy(TrustedTeam, TrustedTeamPolicy(TrustedTeam))


def anime_title(to_source: str = ""):
    """The title of a source's anime: the episode's parent page, found by its tree path.
    `to_source` is the path from the outer row to the source (e.g. "source__")."""
    episode_path = OuterRef(f"{to_source}episode__path")
    parent_path = Substr(episode_path, 1, Length(episode_path) - EpisodePage.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


class SourceIndexView(IndexView):
    season_url_name = None

    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_any_permission_for(
                self.request.user, ["change"]
            )
            .select_related("episode", "dub_team")
            .annotate(anime=anime_title(), reports=Count("broken_reports"))
            .order_by("-pk")
        )

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            season_url = reverse(self.season_url_name)
            buttons.append(HeaderButton("Додати сезон", url=season_url, icon_name="list-ul"))
        return buttons


class PublishesTrustedMixin:
    """Members of a trusted team have no Publish button (Wagtail shows it to holders of the
    model's publish permission: editors): their plain save publishes at once. A publish the
    actor may not do (`can(actor, "publish_source", source)`) is refused."""

    def form_valid(self, form):
        user = self.request.user
        may_publish = can(user, "publish_source", form.instance)
        if self.action == "publish" and not may_publish:
            form.add_error(None, "Джерела цієї команди публікує редактор: надішліть на перевірку.")
            return self.form_invalid(form)
        publish_button = user.has_perm("anime.publish_videosource")
        if self.action in {"create", "edit"} and may_publish and not publish_button:
            self.action = "publish"
        return super().form_valid(form)


class SourceCreateView(PublishesTrustedMixin, CreateView):
    def get_initial_form_instance(self):
        source = VideoSource()
        episode_id = self.request.GET.get("episode", "")
        if episode_id.isascii() and episode_id.isdigit() and len(episode_id) < 10:
            source.episode = EpisodePage.objects.filter(pk=int(episode_id)).first()
        return source


class SourceEditView(PublishesTrustedMixin, EditView):
    pass


def guarded(view, model):
    """Wrap an object view (`pk` in the URL): 404 for an unknown row, 403 unless
    `can(actor, "edit_source", row)`."""

    @wraps(view)
    def check(request, *args, **kwargs):
        source = get_object_or_404(model, pk=kwargs["pk"])
        if not can(request.user, "edit_source", source):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return check


class SourceViewSet(SnippetViewSet):
    model = VideoSource
    icon = "media"
    menu_label = "Джерела"
    url_prefix = "studio/sources"
    index_view_class = SourceIndexView
    add_view_class = SourceCreateView
    edit_view_class = SourceEditView
    list_filter = ["language", "provider", "is_active", "live"]
    list_per_page = 50
    edit_handler = ObjectList(VideoSource.panels, base_form_class=TeamSourceForm)
    list_display = [
        TitleColumn(
            "title", label="Серія", accessor=lambda s: f"{s.anime} · серія {s.episode.number}"
        ),
        Column("dub_team", label="Команда", accessor=lambda s: s.dub_team or "Оригінал"),
        Column("language", label="Мова", accessor="get_language_display"),
        Column("provider", label="Провайдер", accessor="get_provider_display"),
        BooleanColumn("is_active", label="Увімкнене"),
        LiveStatusTagColumn(label="Стан"),
        Column("last_status", label="Перевірка"),
        DateColumn("last_checked", label="Перевірено"),
        Column("reports", label="Скарги"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(season_url_name=self.get_url_name("season"), **kwargs)

    def get_urlpatterns(self):
        patterns = []
        for pattern in super().get_urlpatterns():
            if isinstance(pattern, URLPattern) and "pk>" in str(pattern.pattern):
                pattern = URLPattern(
                    pattern.pattern,
                    guarded(pattern.callback, self.model),
                    pattern.default_args,
                    pattern.name,
                )
            patterns.append(pattern)
        return [*patterns, path("season/", self.season_view, name="season")]

    @property
    def season_view(self):
        return SeasonView.as_view(viewset=self)


class SeasonView(WagtailAdminTemplateMixin, FormView):
    """«Додати сезон»: one source per episode of a title for one team, in one go (all rows or
    none); each goes live or to the approval workflow like a single source."""

    viewset = None
    form_class = SeasonForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = "Додати сезон"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, "edit_source"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            submit_button_label="Додати джерела",
            submit_button_active_label="Додаю…",
            media=context["form"].media,
            breadcrumbs_items=[
                {"url": reverse(self.viewset.get_url_name("list")), "label": "Джерела"},
                {"url": "", "label": self.page_title},
            ],
        )
        return context

    def form_valid(self, form):
        sources = form.cleaned_data["sources"]
        with transaction.atomic():
            for source in sources:
                save_new_source(source, self.request.user)
        live = sum(source.live for source in sources)
        if live:
            messages.success(self.request, f"Додано й опубліковано джерел: {live}.")
        if len(sources) - live:
            messages.success(
                self.request, f"Надіслано на перевірку редактору джерел: {len(sources) - live}."
            )
        return redirect(self.viewset.get_url_name("list"))


class TrustedTeamViewSet(SnippetViewSet):
    model = TrustedTeam
    icon = "tick-inverse"
    menu_label = "Довірені команди"
    url_prefix = "studio/trusted-teams"
    list_display = ["team", "trusted_by", "created_at"]
    panels = ["team"]


class StudioViewSetGroup(SnippetViewSetGroup):
    menu_label = "Мої джерела"
    menu_icon = "media"
    menu_order = 250
    items = (SourceViewSet, TrustedTeamViewSet)
