"""Accounts data: the custom user (AUTH_USER_MODEL = "accounts.User", one account per e-mail
address, compared case-insensitively) with the staff permissions roles grant, roles with
ranks (logic in accounts.roles), bans (accounts.bans) and the reputation ledger
(accounts.reputation)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

STAFF_PERMISSIONS = {
    # codename: what a holder may do (the actions of accounts.roles.can)
    "edit_own_team": "Редагувати сторінку й джерела своєї команди озвучення",
    "edit_any_team": "Редагувати будь-яку команду озвучення",
    "edit_catalog": "Редагувати каталог",
    "moderate_content": "Модерувати коментарі та форум",
    "ban_user": "Блокувати користувачів нижчого рангу",
    "edit_user": "Редагувати користувачів нижчого рангу",
    "assign_role": "Призначати ролі нижче власної",
    "manage_roles": "Створювати власні ролі нижче власної",
}


class User(AbstractUser):
    email = models.EmailField("електронна пошта")

    class Meta(AbstractUser.Meta):
        verbose_name = "користувач"
        verbose_name_plural = "користувачі"
        swappable = "AUTH_USER_MODEL"
        permissions = [(codename, label) for codename, label in STAFF_PERMISSIONS.items()]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message="Користувач з такою електронною поштою вже існує.",
            )
        ]

    def save(self, *args, **kwargs):
        self.email = type(self).objects.normalize_email(self.email or "")
        super().save(*args, **kwargs)


class Role(models.Model):
    """A role: its group holds the members and the permissions, its rank orders who may act on
    whom. The built-in five come from accounts.roles (`setup_roles`); admins add custom ones."""

    name = models.SlugField("назва", max_length=80, unique=True)
    label = models.CharField("підпис", max_length=80)
    rank = models.PositiveSmallIntegerField("ранг")
    group = models.OneToOneField(
        "auth.Group", verbose_name="група", on_delete=models.CASCADE, related_name="role"
    )
    is_builtin = models.BooleanField("вбудована", default=False, editable=False)
    created_by = models.ForeignKey(
        User,
        verbose_name="створив",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "роль"
        verbose_name_plural = "ролі"
        ordering = ["-rank", "name"]

    def __str__(self) -> str:
        return f"{self.label} ({self.rank})"


class Ban(models.Model):
    """A user may read but not write while a ban is in force; an empty `ends_at` is permanent.
    Bans end by themselves: whether one is in force is read from the times (accounts.bans)."""

    user = models.ForeignKey(
        User, verbose_name="користувач", on_delete=models.CASCADE, related_name="bans"
    )
    author = models.ForeignKey(
        User,
        verbose_name="автор",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bans_given",
    )
    reason = models.TextField("причина")
    starts_at = models.DateTimeField("початок", default=timezone.now)
    ends_at = models.DateTimeField(
        "кінець", null=True, blank=True, help_text="Порожньо — назавжди."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "блокування"
        verbose_name_plural = "блокування"
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["user", "ends_at"])]

    def __str__(self) -> str:
        return f"{self.user} до {self.ends_at or '∞'}"


class Profile(models.Model):
    """Public profile data kept beside the user; `reputation` is the ledger's sum, written only
    by accounts.reputation."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    reputation = models.IntegerField("репутація", default=0)

    class Meta:
        verbose_name = "профіль"
        verbose_name_plural = "профілі"

    def __str__(self) -> str:
        return str(self.user)


class ReputationEvent(models.Model):
    """One line of the append-only reputation ledger. `key` names the source event (kind, user,
    source object), so a replay or a double click can never count twice."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reputation_events")
    kind = models.CharField("подія", max_length=40)
    points = models.IntegerField("бали")
    source_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL
    )
    source_id = models.CharField(max_length=64, blank=True)
    key = models.CharField(max_length=200, unique=True)
    # Why a staff member adjusted the points (kind "adjust"); empty for earned points.
    note = models.CharField("причина", max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "подія репутації"
        verbose_name_plural = "журнал репутації"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.points:+d}"


class TrustedTeam(models.Model):
    """A dub team whose members publish video sources without an editor's approval. A row of
    its own (not a team page field) so that no page revision can grant or revoke trust; set and
    removed by editors in Admin → «Мої джерела» → «Довірені команди» (logged)."""

    team = models.OneToOneField(
        "dubbing.DubTeamPage",
        verbose_name="команда озвучення",
        on_delete=models.CASCADE,
        related_name="trust",
    )
    trusted_by = models.ForeignKey(
        User, verbose_name="довірив", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("з", default=timezone.now)

    class Meta:
        verbose_name = "довірена команда"
        verbose_name_plural = "довірені команди"

    def __str__(self) -> str:
        return str(self.team)
