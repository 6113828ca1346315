"""`manage.py ban <username> --days N --reason TEXT`: ban a user (no --days: permanently)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.bans import ban_user
from accounts.models import User


class Command(BaseCommand):
    help = "Ban a user: they can still read, but every write answers 403 with the reason."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=None, help="length; omit for permanent")
        parser.add_argument("--reason", required=True)

    def handle(self, *args, username, days, reason, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}")
        if days is not None and days <= 0:
            raise CommandError("--days must be a positive number")
        ban = ban_user(user, reason=reason, days=days)
        until = ban.ends_at.isoformat() if ban.ends_at else "permanently"
        self.stdout.write(f"Banned {user.username} until {until}: {reason}")
