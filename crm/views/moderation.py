"""The moderation screen: the queue of open reports with the reported comment in context (its
page, the comment it answers) or the reported forum post (its topic, a link to it), bulk
decisions through the community's moderation module (uphold with hide/delete/ban the
author/no action, or reject — each with a reason, each logged by that module), and beside it
the playback side: sources failing their checks or reported by visitors."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin

from accounts.models import User
from crm.policies import staff_policy
from forum.board.topics import post_url
from forum.discussions import moderation
from forum.discussions.models import Report
from integrations.streams.admin_views import broken_sources

QUEUE_SIZE = 100
SOURCES_SHOWN = 20

DECISIONS = (
    ("hide", "Підтвердити й приховати коментар чи допис"),
    ("delete", "Підтвердити й видалити коментар чи допис"),
    ("ban_author", "Підтвердити й заблокувати автора"),
    ("none", "Підтвердити без дії"),
    ("reject", "Відхилити скаргу"),
)


class DecisionForm(forms.Form):
    reports = forms.ModelMultipleChoiceField(
        label="Скарги", queryset=Report.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    decision = forms.ChoiceField(label="Рішення", choices=DECISIONS)
    reason = forms.CharField(label="Причина", max_length=1000)
    days = forms.IntegerField(
        label="Днів блокування",
        min_value=1,
        max_value=36500,
        required=False,
        help_text="Лише для блокування; порожньо — назавжди.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = moderation.open_reports()


def decide(actor, report: Report, data: dict) -> None:
    if data["decision"] == "reject":
        moderation.reject_report(actor, report, data["reason"])
    else:
        moderation.uphold_report(
            actor, report, data["reason"], action=data["decision"], days=data["days"]
        )


class ModerationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "crm/moderation.html"
    page_title = "Модерація"
    header_icon = "warning"
    permission_policy = staff_policy(User)
    permission_required = "view"

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or DecisionForm()
        queue = moderation.open_reports()
        reports = list(
            queue.select_related("comment__parent__author").annotate(
                reports_on_comment=Count("comment__reports", distinct=True),
                reports_on_post=Count("forum_post__reports", distinct=True),
            )[:QUEUE_SIZE]
        )
        for report in reports:
            report.post_url = post_url(report.forum_post) if report.forum_post_id else ""
        return super().get_context_data(
            reports=reports,
            queue_size=queue.count(),
            form=form,
            sources=list(broken_sources()[:SOURCES_SHOWN]),
            sources_url=reverse("streams_broken_sources"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        done, refused = 0, []
        for report in form.cleaned_data["reports"]:
            try:
                decide(request.user, report, form.cleaned_data)
                done += 1
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                refused.append(f"#{report.pk}: {text}")
        if done:
            messages.success(request, f"Розглянуто скарг: {done}.")
        for text in refused:
            messages.error(request, text)
        return redirect("crm_moderation:index")
