"""Admin review of imported titles: the inspect page shows what would change on the page and
offers the editor's actions (publish as a new page, merge into an existing page, ignore)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.snippets.views.snippets import InspectView

from integrations import importer
from integrations.models import ImportedTitle


class ImportedTitleInspectView(InspectView):
    template_name = "integrations/imported_title_inspect.html"
    fields = ["source", "kind", "external_id", "state", "page", "error", "updated_at"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["diff"] = importer.diff(self.object)
        context["review_url"] = reverse("integrations_review", args=(self.object.pk,))
        context["can_review"] = self.user_has_permission("change")
        context["page_model"] = importer.PAGE_MODELS[self.object.kind]._meta.verbose_name
        return context


@require_POST
def review(request, pk):
    """POST ``action`` = publish | merge (+ ``page_id``) | ignore."""
    imported = get_object_or_404(ImportedTitle, pk=pk)
    if not request.user.has_perm("integrations.change_importedtitle"):
        raise PermissionDenied
    action = request.POST.get("action")
    back = reverse("wagtailsnippets_integrations_importedtitle:inspect", args=(pk,))
    try:
        if action == "publish":
            page = importer.publish_new(imported.pk)
            messages.success(request, f"Опубліковано: «{page.title}».")
        elif action == "merge":
            page_id = request.POST.get("page_id", "")
            if not page_id.isdigit():
                raise importer.ReviewError("Вкажіть ID сторінки (число з адреси її редагування).")
            page = importer.merge_into(imported.pk, int(page_id))
            messages.success(request, f"Об'єднано зі сторінкою «{page.title}».")
        elif action == "ignore":
            importer.ignore(imported.pk)
            messages.success(request, "Запис проігноровано: імпорт більше його не пропонуватиме.")
        else:
            raise importer.ReviewError("Невідома дія.")
    except importer.ReviewError as error:
        messages.error(request, str(error))
    return redirect(back)
