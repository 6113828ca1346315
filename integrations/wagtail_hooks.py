"""Admin menu «Імпорт»: the imported-titles review queue and the import runs."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from integrations.admin_views import ImportedTitleInspectView, review
from integrations.models import ImportedTitle, ImportRun


class ImportedTitleViewSet(SnippetViewSet):
    model = ImportedTitle
    icon = "download"
    menu_label = "Імпортовані тайтли"
    list_display = ["title", "source", "kind", "state", "page", "updated_at"]
    list_filter = ["state", "source", "kind"]
    search_fields = ["title", "external_id"]
    inspect_view_enabled = True
    inspect_view_class = ImportedTitleInspectView
    inspect_view_fields = [
        "source",
        "kind",
        "external_id",
        "mal_id",
        "state",
        "page",
        "error",
        "updated_at",
    ]
    copy_view_enabled = False


class ImportRunViewSet(SnippetViewSet):
    model = ImportRun
    icon = "history"
    menu_label = "Запуски імпорту"
    list_display = [
        "__str__",
        "status",
        "fetched",
        "created",
        "updated",
        "published",
        "failed",
        "finished_at",
    ]
    list_filter = ["source", "status"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ImportGroup(SnippetViewSetGroup):
    items = (ImportedTitleViewSet, ImportRunViewSet)
    menu_label = "Імпорт"
    menu_icon = "download"
    menu_order = 250


register_snippet(ImportGroup)


@hooks.register("register_admin_urls")
def register_review_url():
    return [path("imports/review/<int:pk>/", review, name="integrations_review")]
