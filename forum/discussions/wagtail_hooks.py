"""Wagtail admin: the moderators' actions registered for the audit log."""

from wagtail import hooks

from .moderation import ACTIONS


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    for name, (label, message) in ACTIONS.items():
        actions.register_action(name, label, message)
