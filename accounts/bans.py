"""Bans: whether one is in force, giving, changing and lifting one (each written to Wagtail's
audit log as `accounts.ban` / `accounts.ban_change` / `accounts.unban`), and the DRF guard
every write endpoint uses (`NotBanned`: 403 `{"detail", "ban": {"reason", "ends_at"}}` in
Ukrainian)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user
from django.db.models import Q
from django.utils import timezone
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission
from wagtail.log_actions import log

from .models import Ban, User


def active_ban(user) -> Ban | None:
    """The ban in force for `user` now (the one ending last), if any."""
    if user is None or not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_accounts_ban", {})
    if "ban" not in cache:
        in_force = _in_force(user)
        cache["ban"] = (
            in_force.filter(ends_at__isnull=True).first() or in_force.order_by("-ends_at").first()
        )
    return cache["ban"]


def is_banned(user) -> bool:
    return active_ban(user) is not None


def _in_force(user):
    now = timezone.now()
    return Ban.objects.filter(user=user, starts_at__lte=now).filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=now)
    )


def ban_user(
    user: User, *, reason: str, days: int | None = None, author: User | None = None
) -> Ban:
    """Ban from now for `days` days (None: permanently); `author` is the staff member (None: a
    command)."""
    now = timezone.now()
    ban = Ban.objects.create(
        user=user,
        author=author,
        reason=reason,
        starts_at=now,
        ends_at=now + timedelta(days=days) if days else None,
    )
    user.__dict__.pop("_accounts_ban", None)
    log(
        user,
        "accounts.ban",
        user=author,
        data={
            "reason": reason,
            "days": days,
            "ends_at": _iso(ban.ends_at),
        },
    )
    return ban


def change_ban(ban: Ban, *, reason: str, days: int | None, author: User | None = None) -> Ban:
    """Change a ban's reason and length (`days` counted from its start; None: permanent), with
    the values before and after in the audit log."""
    # From the row, not the instance: a model form has already set the new values on it.
    stored = Ban.objects.values("reason", "ends_at").get(pk=ban.pk)
    before = {"reason": stored["reason"], "ends_at": _iso(stored["ends_at"])}
    ban.reason = reason
    ban.ends_at = ban.starts_at + timedelta(days=days) if days else None
    ban.save(update_fields=["reason", "ends_at"])
    ban.user.__dict__.pop("_accounts_ban", None)
    after = {"reason": ban.reason, "ends_at": _iso(ban.ends_at)}
    log(ban.user, "accounts.ban_change", user=author, data={"before": before, "after": after})
    return ban


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def lift_bans(user: User, *, author: User | None = None, reason: str = "") -> int:
    """End every ban in force now (they stay in the history, ending today). Returns how many."""
    in_force = list(_in_force(user).values("pk", "ends_at"))
    if in_force:
        _in_force(user).update(ends_at=timezone.now())
        log(
            user,
            "accounts.unban",
            user=author,
            data={
                "reason": reason,
                "before": [
                    {"ban": row["pk"], "ends_at": row["ends_at"] and row["ends_at"].isoformat()}
                    for row in in_force
                ],
            },
        )
    user.__dict__.pop("_accounts_ban", None)
    return len(in_force)


def ban_payload(ban: Ban) -> dict:
    until = timezone.localtime(ban.ends_at).strftime("%d.%m.%Y %H:%M") if ban.ends_at else None
    detail = (
        f"Ваш обліковий запис заблоковано до {until}."
        if until
        else "Ваш обліковий запис заблоковано назавжди."
    )
    return {
        "detail": detail,
        "ban": {"reason": ban.reason, "ends_at": ban.ends_at.isoformat() if ban.ends_at else None},
    }


class Banned(PermissionDenied):
    def __init__(self, ban: Ban):
        payload = ban_payload(ban)
        super().__init__(payload["detail"])
        # The whole body, kept as is by config.api_errors (DRF would stringify None).
        self.error_body = payload


class NotBanned(BasePermission):
    """Reads stay open; any write by a banned user is refused with the ban's reason and end.
    The user comes from the session itself, so views that skip DRF authentication on purpose
    (no CSRF check; DRF then sets `request.user`, and the Django request's, to anonymous)
    are guarded as well."""

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        user = request.user if request.user.is_authenticated else get_user(request._request)
        ban = active_ban(user)
        if ban is not None:
            raise Banned(ban)
        return True
