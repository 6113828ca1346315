"""The permission policy of the CRM's views: Wagtail's permission names (what a view declares in
`permission_required`) mapped onto `accounts.roles.can` actions, so the admin's own checks
(views, menu items) ask the rank rules and nothing else."""

from wagtail.permission_policies.base import BasePermissionPolicy

from accounts.roles import can

# Staff = moderators and above (and custom roles holding the permission).
STAFF_ACTION = "moderate_content"


class CanPolicy(BasePermissionPolicy):
    def __init__(self, model, actions: dict[str, str]):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and can(user, self.actions[action])

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def staff_policy(model) -> CanPolicy:
    """Viewing CRM screens: staff only."""
    return CanPolicy(model, {"view": STAFF_ACTION})
