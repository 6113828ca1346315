"""Permission policies of the sources admin, answering from `accounts.roles.can`."""

from wagtail.permission_policies.base import BasePermissionPolicy

from accounts.roles import can, editable_teams


class VideoSourcePolicy(BasePermissionPolicy):
    """Model level: may the user work with some source (publish: some source directly)?
    Instance level: this source's team. Listing: the sources of the user's teams."""

    def user_has_permission(self, user, action):
        if action == "publish":
            return can(user, "publish_source")
        if action in {"add", "change", "delete", "view"}:
            return can(user, "edit_source")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "publish":
            return can(user, "publish_source", instance)
        return self.user_has_permission(user, action) and can(user, "edit_source", instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        sources = self.model.objects.all()
        if not self.user_has_any_permission(user, actions):
            return sources.none()
        if user.has_perm("accounts.edit_any_team"):
            return sources
        return sources.filter(dub_team__in=editable_teams(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class TrustedTeamPolicy(BasePermissionPolicy):
    """Who marks teams trusted: `can(user, "trust_team")` for every action."""

    def user_has_permission(self, user, action):
        return can(user, "trust_team")

    def user_has_any_permission(self, user, actions):
        return can(user, "trust_team")

    def user_has_permission_for_instance(self, user, action, instance):
        return can(user, "trust_team", instance.team)

    def instances_user_has_any_permission_for(self, user, actions):
        everything = self.model.objects.all()
        return everything if can(user, "trust_team") else everything.none()
