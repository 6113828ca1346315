"""Users: the list (search, filters, sortable columns, CSV/XLSX export), the user card and its
actions. Each action checks `accounts.roles.can` for the target (nobody acts on an equal or
higher rank) and calls accounts' own function, which writes the audit log."""

from __future__ import annotations

import django_filters
from allauth.socialaccount.models import SocialAccount
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Max, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from machina.apps.forum_conversation.models import Post
from wagtail.admin.filters import DateRangePickerWidget, NumberRangeWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts.bans import active_ban, ban_user, lift_bans
from accounts.models import Ban, ReputationEvent, Role, User
from accounts.reputation import adjust, level_for, profile_of
from accounts.roles import assign_role, can, remove_role, user_roles
from crm.forms import BanForm, ReputationForm, RoleChangeForm, StaffNoteForm, UnbanForm
from crm.models import StaffNote
from crm.policies import staff_policy
from crm.views.audit import entry_data, role_labels
from forum.board.topics import post_url
from forum.discussions.models import Comment, Report

LEDGER_ROWS = 50
SECTION_ROWS = 20


def _bans_in_force():
    now = timezone.now()
    return Ban.objects.filter(user=OuterRef("pk"), starts_at__lte=now).filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=now)
    )


def users_with_figures():
    """Users annotated with what the list shows, filters and sorts on."""
    return User.objects.annotate(
        reputation_value=Coalesce("profile__reputation", Value(0)),
        top_rank=Coalesce(Max("groups__role__rank"), Value(0)),
        is_banned=Exists(_bans_in_force()),
        has_google=Exists(SocialAccount.objects.filter(user=OuterRef("pk"), provider="google")),
    )


class SignedNumberRangeWidget(NumberRangeWidget):
    """Wagtail's min/max pair without its `min="0"`: reputation goes below zero."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        for widget in self.widgets:
            widget.attrs.pop("min", None)


class UserFilterSet(WagtailFilterSet):
    role = django_filters.ModelChoiceFilter(
        label="Роль", queryset=Role.objects.all(), field_name="groups__role"
    )
    banned = django_filters.BooleanFilter(
        label="Заблоковані", field_name="is_banned", widget=BooleanRadioSelect
    )
    reputation = django_filters.RangeFilter(
        label="Репутація", field_name="reputation_value", widget=SignedNumberRangeWidget
    )
    date_joined = django_filters.DateFromToRangeFilter(
        label="Зареєстровані", widget=DateRangePickerWidget
    )
    last_login = django_filters.DateFromToRangeFilter(
        label="Остання активність", widget=DateRangePickerWidget
    )
    google = django_filters.BooleanFilter(
        label="Вхід через Google", field_name="has_google", widget=BooleanRadioSelect
    )

    class Meta:
        model = User
        fields = []


def card_url(user: User) -> str:
    return reverse("crm_users:card", args=[user.pk])


def yes_no(value: bool) -> str:
    # Wagtail's BooleanColumn titles its icon "True"/"False", untranslated.
    return "так" if value else "ні"


def roles_label(user: User) -> str:
    return ", ".join(role.label for role in user.crm_roles) or "—"


class UserListView(ReportView):
    page_title = "Користувачі"
    header_icon = "user"
    index_url_name = "crm_users:index"
    index_results_url_name = "crm_users:index_results"
    permission_policy = staff_policy(User)
    permission_required = "view"
    filterset_class = UserFilterSet
    is_searchable = True
    search_fields = ["username", "email"]
    search_backend_name = None
    default_ordering = "-date_joined"
    verbose_name_plural = "користувачів"
    columns = [
        TitleColumn("username", label="Ім’я користувача", get_url=card_url, sort_key="username"),
        Column("email", label="Е-пошта", sort_key="email"),
        Column("roles", label="Ролі", accessor=roles_label, sort_key="top_rank"),
        Column("reputation_value", label="Репутація", sort_key="reputation_value"),
        Column(
            "is_banned",
            label="Заблокований",
            accessor=lambda u: yes_no(u.is_banned),
            sort_key="is_banned",
        ),
        Column("has_google", label="Google", accessor=lambda u: yes_no(u.has_google)),
        DateColumn("date_joined", label="Зареєстрований", sort_key="date_joined"),
        DateColumn("last_login", label="Остання активність", sort_key="last_login"),
    ]
    list_export = [
        "pk",
        "username",
        "email",
        "roles_export",
        "reputation_value",
        "is_banned",
        "has_google",
        "date_joined",
        "last_login",
    ]
    export_headings = {
        "pk": "ID",
        "username": "Ім’я користувача",
        "email": "Е-пошта",
        "roles_export": "Ролі",
        "reputation_value": "Репутація",
        "is_banned": "Заблокований",
        "has_google": "Google",
        "date_joined": "Зареєстрований",
        "last_login": "Остання активність",
    }

    def get_filename(self):
        return f"users-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        return users_with_figures()

    def decorate_paginated_queryset(self, object_list):
        users = list(object_list)
        roles: dict[int, list[Role]] = {user.pk: [] for user in users}
        memberships = Role.objects.filter(group__user__in=users).values_list("group__user", "pk")
        by_pk = {role.pk: role for role in Role.objects.all()}
        for user_id, role_pk in memberships:
            roles[user_id].append(by_pk[role_pk])
        for user in users:
            user.crm_roles = sorted(roles[user.pk], key=lambda role: -role.rank)
            user.roles_export = ", ".join(role.name for role in user.crm_roles)
        return users


class UserObjectMixin(PermissionCheckedMixin):
    """A CRM view of one user: staff only; the target is looked up once."""

    permission_policy = staff_policy(User)
    permission_required = "view"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.target = get_object_or_404(User, pk=kwargs["pk"])

    def require(self, action: str, **kwargs) -> None:
        if not can(self.request.user, action, self.target, **kwargs):
            raise PermissionDenied


class UserCardView(UserObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "crm/user_card.html"
    header_icon = "user"
    _show_breadcrumbs = True

    def get_page_title(self):
        return f"Користувач {self.target.username}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("crm_users:index"), "label": "Користувачі"},
            {"url": "", "label": self.target.username},
        ]

    def forum_posts(self) -> list[tuple[Post, str]]:
        """The user's latest forum posts, approved or not, each with its link."""
        posts = (
            Post.objects.filter(poster=self.target)
            .select_related("topic__forum")
            .order_by("-created")[:SECTION_ROWS]
        )
        return [(post, post_url(post)) for post in posts]

    def get_context_data(self, **kwargs):
        actor, target = self.request.user, self.target
        profile = profile_of(target)
        role_form = RoleChangeForm(actor=actor)
        roles = role_labels()
        context = super().get_context_data(**kwargs)
        context.update(
            target=target,
            profile=profile,
            level=level_for(profile.reputation),
            roles=user_roles(target),
            has_google=SocialAccount.objects.filter(user=target, provider="google").exists(),
            bans=target.bans.select_related("author"),
            ban_in_force=active_ban(target),
            ledger=ReputationEvent.objects.filter(user=target)[:LEDGER_ROWS],
            notes=StaffNote.objects.filter(user=target).select_related("author"),
            comments=Comment.objects.filter(author=target)
            .select_related("page")
            .order_by("-created")[:SECTION_ROWS],
            forum_posts=self.forum_posts(),
            reports_against=Report.objects.filter(
                Q(comment__author=target) | Q(forum_post__poster=target)
            )
            .select_related("reporter", "comment", "forum_post")
            .order_by("-created")[:SECTION_ROWS],
            reports_by=Report.objects.filter(reporter=target)
            .select_related("comment__author", "forum_post__poster")
            .order_by("-created")[:SECTION_ROWS],
            history=[
                (entry, entry_data(entry, roles))
                for entry in ModelLogEntry.objects.for_instance(target).select_related("user")[:50]
            ],
            may_ban=can(actor, "ban_user", target),
            may_assign=can(actor, "assign_role", target),
            may_adjust=can(actor, "edit_user", target),
            role_form=role_form,
            removable_roles=[
                role for role in user_roles(target) if role in role_form.fields["role"].queryset
            ],
            reputation_form=ReputationForm(),
            note_form=StaffNoteForm(),
            unban_form=UnbanForm(),
        )
        return context


class UserActionView(UserObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """POST-only action on the user card (the form shows on the card itself)."""

    form_class: type[forms.Form]
    success_message = ""

    def get_form(self):
        return self.form_class(self.request.POST)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            self.perform(form.cleaned_data)
            messages.success(request, self.success_message)
        else:
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                messages.error(
                    request, f"{label}: {' '.join(errors)}" if label else " ".join(errors)
                )
        return redirect(card_url(self.target))

    def get(self, request, *args, **kwargs):
        return redirect(card_url(self.target))


class BanView(UserActionView):
    """`/admin/crm/users/<pk>/ban/`: the form (GET) and the ban (POST: `reason`, `days`)."""

    form_class = BanForm
    template_name = "crm/ban_form.html"
    header_icon = "warning"
    success_message = "Користувача заблоковано."

    def dispatch(self, request, *args, **kwargs):
        self.require("ban_user")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Заблокувати {self.target.username}"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=BanForm(), target=self.target))

    def post(self, request, *args, **kwargs):
        form = BanForm(request.POST)
        if not form.is_valid():
            context = self.get_context_data(form=form, target=self.target)
            return self.render_to_response(context, status=400)
        self.perform(form.cleaned_data)
        messages.success(request, self.success_message)
        return redirect(card_url(self.target))

    def perform(self, data):
        ban_user(self.target, reason=data["reason"], days=data["days"], author=self.request.user)


class UnbanView(UserActionView):
    form_class = UnbanForm
    success_message = "Блокування знято."

    def dispatch(self, request, *args, **kwargs):
        self.require("ban_user")
        return super().dispatch(request, *args, **kwargs)

    def perform(self, data):
        lift_bans(self.target, author=self.request.user, reason=data["reason"])


class RoleChangeView(UserActionView):
    success_message = "Ролі змінено."

    def get_form(self):
        return RoleChangeForm(self.request.POST, actor=self.request.user)

    def perform(self, data):
        role = data["role"]
        self.require("assign_role", role=role)
        if data["operation"] != "remove":
            assign_role(self.target, role.name, actor=self.request.user)
        else:
            remove_role(self.target, role.name, actor=self.request.user)


class ReputationView(UserActionView):
    form_class = ReputationForm
    success_message = "Репутацію скориговано."

    def dispatch(self, request, *args, **kwargs):
        self.require("edit_user")
        return super().dispatch(request, *args, **kwargs)

    def perform(self, data):
        adjust(self.target, data["points"], data["reason"], actor=self.request.user)


class StaffNoteView(UserActionView):
    form_class = StaffNoteForm
    success_message = "Нотатку додано."

    def perform(self, data):
        note = StaffNote.objects.create(
            user=self.target, author=self.request.user, text=data["text"]
        )
        log(
            self.target,
            "crm.note",
            user=self.request.user,
            data={"note": note.pk, "text": note.text},
        )
