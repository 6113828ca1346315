"""Admin menu «Імпорт»: the imported-titles review queue and the import runs. Imported titles
come from the importers only: their permission policy refuses «add» to everyone (no «Add
imported title» button, no add form)."""

from django.urls import path
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from integrations.admin_views import ImportedTitleInspectView, review
from integrations.models import ImportedTitle, ImportRun


class ImporterOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "add"])


register_permission_policy(ImportedTitle, ImporterOnlyPolicy(ImportedTitle))


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
