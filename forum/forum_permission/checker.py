"""machina's permission checker, deciding from our roles and bans (machina's class loader picks
this module up instead of `machina.apps.forum_permission.checker`, so every machina view, form
and template tag asks it):

- everyone, signed in or not, sees and reads every forum;
- a signed-in member starts topics, replies, edits and deletes their own posts, votes in polls;
- whoever may `moderate_content` (moderators, admins: accounts.roles) has every forum
  permission (lock, move, edit and delete any post, approve, stickies, announcements);
- a banned user (accounts.bans) reads only, whatever else they were granted.

Grants made in machina's own admin are added to these, never the other way round for bans."""

from machina.apps.forum_permission.checker import (
    ForumPermissionChecker as MachinaForumPermissionChecker,
)
from machina.apps.forum_permission.defaults import PermissionConfig

from accounts.bans import is_banned
from accounts.roles import can

READ = frozenset({"can_see_forum", "can_read_forum"})
MEMBER = READ | {
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_post_without_approval",
    "can_vote_in_polls",
    "can_download_file",
}
MODERATOR = frozenset(p["codename"] for p in PermissionConfig.permissions)


def role_permissions(user) -> frozenset[str]:
    """The forum permission codenames our roles give `user` (anonymous users included)."""
    if user is None or not user.is_authenticated or is_banned(user):
        return READ
    if can(user, "moderate_content"):
        return MODERATOR
    return MEMBER


class ForumPermissionChecker(MachinaForumPermissionChecker):
    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        granted = super().get_perms_for_forumlist(forums, perm_codenames)
        from_roles = role_permissions(self.user)
        banned = is_banned(self.user)
        for forum in forums:
            perms = set(granted.get(forum, ())) | from_roles
            if banned:
                perms &= READ
            if perm_codenames:
                perms &= set(perm_codenames)
            granted[forum] = perms
        return granted
