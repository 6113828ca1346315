"""Admin forms of the accounts app; each checks `accounts.roles.can` for the signed-in user."""

from django import forms
from django.contrib.auth.models import Group, Permission
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import GroupForm

from .bans import ban_user, change_ban
from .models import STAFF_PERMISSIONS, Ban, Role
from .roles import ADMIN_ACCESS, _permissions, can, rank


class RoleForm(WagtailAdminModelForm):
    """A custom role: its rank below the creator's, staff permissions chosen from ours."""

    permissions = forms.ModelMultipleChoiceField(
        label="дозволи",
        queryset=Permission.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Role
        fields = ["name", "label", "rank", "permissions"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permissions"].queryset = Permission.objects.filter(
            content_type__app_label="accounts", codename__in=STAFF_PERMISSIONS
        ).order_by("id")
        if self.instance.pk:
            self.initial["permissions"] = list(
                self.instance.group.permissions.filter(codename__in=STAFF_PERMISSIONS)
            )
        self.fields["rank"].help_text = f"Менше за ваш ранг ({rank(self.for_user)})."

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_builtin:
            raise forms.ValidationError("Вбудовані ролі змінює лише команда setup_roles.")
        role = Role(rank=cleaned.get("rank") or 0)
        if cleaned.get("rank") is not None and not can(self.for_user, "manage_roles", role=role):
            self.add_error("rank", "Ранг ролі має бути нижчим за ваш.")
        return cleaned

    def save(self, commit=True):
        role = super().save(commit=False)
        if not role.pk:
            role.created_by = self.for_user
            role.group, _ = Group.objects.get_or_create(name=f"role:{role.name}")
        if commit:
            role.save()
            chosen = list(self.cleaned_data["permissions"])
            access = _permissions([ADMIN_ACCESS]) if chosen else []
            role.group.permissions.set(chosen + access)
        return role


class RoleGroupForm(GroupForm):
    """Wagtail's group form (for superusers), with a role's group keeping its name: the role's
    code name, by which django-role-permissions and accounts.roles find the group (renamed, the
    role would lose its members at the next `setup_roles`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        role = getattr(self.instance, "role", None) if self.instance.pk else None
        if role is not None:
            self.fields["name"].disabled = True
            self.fields["name"].help_text = (
                f"Службова назва ролі «{role.label}»: за нею роль знаходить свою групу, "
                "тому вона не змінюється."
            )


class BanForm(WagtailAdminModelForm):
    days = forms.IntegerField(
        label="днів", min_value=1, required=False, help_text="Порожньо — назавжди."
    )

    class Meta:
        model = Ban
        fields = ["user", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ban = self.instance
        if ban.pk:
            # Editing changes this ban (its reason and length from its start), never whose it is.
            self.fields["user"].disabled = True
            if ban.ends_at:
                self.initial["days"] = max(
                    1, round((ban.ends_at - ban.starts_at).total_seconds() / 86400)
                )

    def clean(self):
        cleaned = super().clean()
        target = cleaned.get("user")
        if target is not None and not can(self.for_user, "ban_user", target):
            self.add_error(
                "user", "Ви не можете заблокувати користувача з рангом не нижчим за ваш."
            )
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        if self.instance.pk:
            return change_ban(
                self.instance, reason=data["reason"], days=data.get("days"), author=self.for_user
            )
        self.instance = ban_user(
            data["user"], reason=data["reason"], days=data.get("days"), author=self.for_user
        )
        return self.instance
