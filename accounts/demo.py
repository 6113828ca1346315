"""Accounts' part of the demo (after `load_demo`'s catalog, through cms.demo's `demo_loaded`):
a few dozen viewers who signed up over the last month and watched episodes on various days,
so the CRM's users list and statistics show figures on a fresh demo. Deterministic and
idempotent: users are found by name, watched episodes are ledger events with unique keys."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from cms.anime.models import EpisodePage

from .models import User
from .reputation import award

DEMO_VIEWERS = 30
DEMO_DAYS = 30
EMAIL_DOMAIN = "demo.anihata.invalid"


def _moment(days_ago: int, rng: random.Random) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    at = datetime.combine(day, time(hour=rng.randint(8, 22), minute=rng.randint(0, 59)))
    return min(timezone.make_aware(at), timezone.now())


def load_demo_viewers(**kwargs) -> int:
    """Create the demo viewers and their watching; returns how many viewers were created."""
    episodes = list(EpisodePage.objects.live().order_by("pk")[:120])
    created = 0
    for number in range(1, DEMO_VIEWERS + 1):
        rng = random.Random(number)
        joined_ago = DEMO_DAYS - 1 - (number * (DEMO_DAYS - 1)) // DEMO_VIEWERS
        username = f"demo-viewer-{number:02d}"
        # Drawn on every run, so the episodes drawn next are the same each time.
        joined_at = _moment(joined_ago, rng)
        last_login = _moment(rng.randint(0, joined_ago), rng)
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, email=f"{username}@{EMAIL_DOMAIN}")
            user.set_unusable_password()
            user.date_joined, user.last_login = joined_at, last_login
            user.save()
            created += 1
        for days_ago in range(joined_ago, -1, -1):
            if not episodes or rng.random() < 0.5:
                continue
            for episode in rng.sample(episodes, k=min(len(episodes), rng.randint(1, 4))):
                award(user, "episode_watched", episode, at=_moment(days_ago, rng))
    return created
