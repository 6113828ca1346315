"""Reputation: the only writer of the ledger (`ReputationEvent`) and of `Profile.reputation`.

`award(user, kind, source)` appends one event per source event (a unique key, so replays and
double clicks count once), respects the kind's daily cap, and adds the points to the profile
in the same transaction with an F() update. Points, caps, levels and unlocks come from the
settings `REPUTATION_POINTS`, `REPUTATION_LEVELS` and `REPUTATION_UNLOCKS`. `adjust(user,
points, reason, actor=…)` is a staff member's correction: one more ledger line (kind "adjust",
with the reason), written to Wagtail's audit log as `accounts.reputation_adjust`.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from .models import Profile, ReputationEvent, User


def profile_of(user: User) -> Profile:
    return Profile.objects.get_or_create(user=user)[0]


def _start_of_day(moment: datetime) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(moment), time.min))


def award(
    user: User,
    kind: str,
    source: models.Model | None = None,
    *,
    actor: User | None = None,
    key: str | None = None,
    at: datetime | None = None,
) -> ReputationEvent | None:
    """Record `kind` for `user` caused by `source` (e.g. the vote, the comment, the episode).
    `actor` is who caused it (a voter): nothing is awarded for acting on yourself. Returns the
    new event, or None when it was already counted, capped for the day, or self-inflicted.
    `at` is when it happened, for replaying past events (the demo); the cap counts that day."""
    rule = settings.REPUTATION_POINTS[kind]
    if actor is not None and actor.pk == user.pk:
        return None
    source_type = ContentType.objects.get_for_model(source) if source is not None else None
    source_id = str(source.pk) if source is not None else ""
    if key is None:
        source_label = f"{source_type.app_label}.{source_type.model}" if source_type else "-"
        key = f"{kind}:{user.pk}:{source_label}:{source_id}"
    profile_of(user)
    with transaction.atomic():
        # The profile row lock serialises one user's awards: the daily cap stays exact.
        Profile.objects.select_for_update().filter(user=user).first()
        if ReputationEvent.objects.filter(key=key).exists():
            return None
        cap = rule.get("daily_cap")
        if cap is not None:
            start = _start_of_day(at or timezone.now())
            same_day = ReputationEvent.objects.filter(
                user=user,
                kind=kind,
                created_at__gte=start,
                created_at__lt=start + timedelta(days=1),
            )
            if same_day.count() >= cap:
                return None
        try:
            with transaction.atomic():
                event = ReputationEvent.objects.create(
                    user=user,
                    kind=kind,
                    points=rule["points"],
                    source_type=source_type,
                    source_id=source_id,
                    key=key,
                    created_at=at or timezone.now(),
                )
        except IntegrityError:
            return None
        Profile.objects.filter(user=user).update(reputation=F("reputation") + rule["points"])
    return event


ADJUST = "adjust"


def adjust(user: User, points: int, reason: str, *, actor: User | None = None) -> ReputationEvent:
    """Add `points` (negative to take away; `-profile.reputation` resets to zero) with the
    staff member's reason. Every adjustment is its own ledger line."""
    profile_of(user)
    with transaction.atomic():
        before = Profile.objects.select_for_update().get(user=user).reputation
        event = ReputationEvent.objects.create(
            user=user, kind=ADJUST, points=points, key=f"{ADJUST}:{uuid.uuid4()}", note=reason
        )
        Profile.objects.filter(user=user).update(reputation=F("reputation") + points)
        log(
            user,
            "accounts.reputation_adjust",
            user=actor,
            data={"points": points, "reason": reason, "before": before, "after": before + points},
        )
    return event


def level_for(points: int) -> dict:
    """{"number", "name"} of the highest level whose threshold `points` reaches (level 1 at 0)."""
    number, name = 1, settings.REPUTATION_LEVELS[0][1]
    for index, (threshold, level_name) in enumerate(settings.REPUTATION_LEVELS, start=1):
        if points >= threshold:
            number, name = index, level_name
    return {"number": number, "name": name}


def unlocked_at(level_number: int) -> list[str]:
    """Profile customisations open at this level, in the order they unlock."""
    unlocks = sorted(settings.REPUTATION_UNLOCKS.items(), key=lambda item: item[1])
    return [name for name, needed in unlocks if level_number >= needed]
