"""Who may edit a dub team's page beyond Wagtail's page permissions: a plugin point, so that
the accounts app (roles: a team member edits its own team) decides without cms importing it."""

from collections.abc import Callable

from wagtail.models import PagePermissionTester

_team_editor_checks: list[Callable] = []


def register_team_editor_check(check: Callable) -> None:
    """`check(user, team) -> bool`: may this user edit (and publish) the team's page?"""
    _team_editor_checks.append(check)


def is_team_editor(user, team) -> bool:
    return any(check(user, team) for check in _team_editor_checks)


class TeamPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, plus editing and publishing for the team's editors (its members)."""

    def can_edit(self):
        return super().can_edit() or is_team_editor(self.user, self.page)

    def can_publish(self):
        return super().can_publish() or is_team_editor(self.user, self.page)
