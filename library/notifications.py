"""New episodes in the dubs people follow.

`cms.anime.signals.sources_published` (an episode's active sources became visible) reaches
`notify_subscribers`: each dub team whose first visible source of the episode this is gets a
`DubRelease` row (unique per episode and team: creating it is what makes the release new), and
every subscription to that team — or to any Ukrainian dub, when this is the episode's first
Ukrainian team — gets one `Notification` (unique per subscription and episode). All of it runs
in the publishing transaction; e-mails go later, batched per user (`send_notification_emails`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.tasks import send_email
from cms.anime.models import AnimePage, EpisodePage
from cms.anime.signals import sources_published
from cms.catalog.models import Language
from cms.catalog.paths import frontend_url

from .models import DubRelease, Notification, Subscription

MAX_USERS_PER_RUN = 500


def new_releases(episode: EpisodePage, sources) -> tuple[set[int], bool]:
    """The teams whose first visible source of `episode` is among `sources`, and whether the
    episode got its first Ukrainian dub now."""
    languages: dict[int, str] = {}
    for source in sources:
        if source.is_active and source.dub_team_id is not None:
            if languages.get(source.dub_team_id) != Language.UK:
                languages[source.dub_team_id] = source.language
    had_ukrainian = DubRelease.objects.filter(episode=episode, language=Language.UK).exists()
    new_teams = set()
    for team_id, language in languages.items():
        try:
            with transaction.atomic():
                _, created = DubRelease.objects.get_or_create(
                    episode=episode, dub_team_id=team_id, defaults={"language": language}
                )
        except IntegrityError:  # a parallel publish created it first: not ours to announce
            created = False
        if created:
            new_teams.add(team_id)
    first_ukrainian = not had_ukrainian and any(
        languages[team] == Language.UK for team in new_teams
    )
    return new_teams, first_ukrainian


@receiver(sources_published)
def notify_subscribers(sender, episode: EpisodePage, sources, **kwargs) -> None:
    title = AnimePage.objects.live().filter(path=episode.path[: -EpisodePage.steplen]).first()
    if title is None:  # the title itself is not visible yet
        return
    new_teams, first_ukrainian = new_releases(episode, sources)
    if not new_teams:
        return
    wanted = Q(dub_team_id__in=new_teams)
    if first_ukrainian:
        wanted |= Q(dub_team__isnull=True)
    ukrainian_team = min(new_teams)
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=subscription.user_id,
                subscription=subscription,
                episode=episode,
                title=title,
                dub_team_id=subscription.dub_team_id or ukrainian_team,
                email_wanted=subscription.email,
            )
            for subscription in Subscription.objects.filter(wanted, title=title)
        ],
        ignore_conflicts=True,
    )


def send_notification_emails() -> int:
    """One e-mail per user listing their unread notifications not e-mailed yet (the hourly
    Celery task). Rows are claimed under a lock that skips rows another run holds, so two runs
    never send one notification twice. Returns how many e-mails were queued."""
    pending = Notification.objects.filter(
        email_wanted=True, emailed_at__isnull=True, read_at__isnull=True
    )
    users = list(pending.values_list("user_id", flat=True).distinct()[:MAX_USERS_PER_RUN])
    sent = 0
    for user_id in users:
        with transaction.atomic():
            rows = list(
                pending.filter(user_id=user_id)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("user", "title", "episode", "dub_team")
                .order_by("created_at", "id")
            )
            if not rows:
                continue
            Notification.objects.filter(id__in=[row.id for row in rows]).update(
                emailed_at=timezone.now()
            )
            message = notification_email(rows)
            transaction.on_commit(lambda message=message: send_email.delay(message))
            sent += 1
    return sent


def notification_email(rows: list[Notification]) -> dict:
    user = rows[0].user
    items = [
        {
            "title": row.title.title,
            "number": row.episode.number,
            "team": row.dub_team.title if row.dub_team else "",
            "url": frontend_url(row.episode.url_path),
        }
        for row in rows
    ]
    context = {"user": user, "items": items, "site": settings.FRONTEND_URL}
    subject = (
        f"Нова серія: {items[0]['title']}"
        if len(items) == 1
        else f"Нові серії у ваших озвученнях: {len(items)}"
    )
    return {
        "subject": subject,
        "body": render_to_string("library/email/new_episodes.txt", context),
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [user.email],
    }
