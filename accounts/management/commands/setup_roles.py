"""`manage.py setup_roles`: create or update the built-in roles, their groups and permissions;
put every user in `viewer`. Idempotent (it also runs after every `migrate`)."""

from django.core.management.base import BaseCommand

from accounts.models import Role
from accounts.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the built-in roles (viewer, dubber, editor, moderator, admin)."

    def handle(self, *args, **options):
        setup_roles()
        for role in Role.objects.order_by("rank", "name"):
            members = role.group.user_set.count()
            self.stdout.write(f"{role.rank:>3}  {role.name:<12} {members} користувачів")
