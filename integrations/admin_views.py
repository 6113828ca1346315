"""Admin review of imported titles: the inspect page shows what would change on the page and
offers the editor's actions (publish as a new page, merge into an existing page, ignore)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import AdminPageChooser
from wagtail.snippets.views.snippets import InspectView

from integrations.importers import pages
from integrations.importers import review as queue
from integrations.importers.records import TitleRecord
from integrations.models import ImportedTitle


def as_text(value, model, field_name: str) -> str:
    """A diff value for people: choice labels, lists joined, nothing shown as a dash."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    try:
        choices = dict(model._meta.get_field(field_name).flatchoices)
    except FieldDoesNotExist:
        choices = {}
    return str(choices.get(value, value))


class MergeForm(forms.Form):
    """Choose the page to merge into, among pages of the record's kind."""

    page_id = forms.IntegerField(label="Сторінка")

    def __init__(self, kind: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_id"].widget = AdminPageChooser(target_models=[pages.PAGE_MODELS[kind]])


class ImportedTitleInspectView(InspectView):
    template_name = "integrations/imported_title_inspect.html"

    def get_page_display_value(self):
        return self.object.page.title if self.object.page_id else "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        model = pages.PAGE_MODELS[self.object.kind]
        context["diff"] = [
            {
                **row,
                "current": as_text(row["current"], model, row["field"]),
                "new": as_text(row["new"], model, row["field"]),
            }
            for row in pages.diff(self.object)
        ]
        context["review_url"] = reverse("integrations_review", args=(self.object.pk,))
        context["can_review"] = self.user_has_permission("change")
        context["page_model"] = pages.PAGE_MODELS[self.object.kind]._meta.verbose_name
        context["merge_form"] = MergeForm(
            self.object.kind, initial={"page_id": self.object.page_id}
        )
        # The likely pages first, so the editor rarely needs the chooser over every page.
        context["likely_matches"] = queue.likely_matches(TitleRecord.from_json(self.object.record))
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
            page = queue.publish_new(imported.pk)
            messages.success(request, f"Опубліковано: «{page.title}».")
        elif action == "merge":
            form = MergeForm(imported.kind, request.POST)
            if not form.is_valid():
                raise queue.ReviewError("Оберіть сторінку, з якою об'єднати запис.")
            page = queue.merge_into(imported.pk, form.cleaned_data["page_id"])
            messages.success(request, f"Об'єднано зі сторінкою «{page.title}».")
        elif action == "ignore":
            queue.ignore(imported.pk)
            messages.success(request, "Запис проігноровано: імпорт більше його не пропонуватиме.")
        else:
            raise queue.ReviewError("Невідома дія.")
    except queue.ReviewError as error:
        messages.error(request, str(error))
    return redirect(back)
