"""The dub-studio admin: dub-team members add and edit their team's video sources in the Wagtail
admin («Мої джерела»), editors approve them.

- `permissions.py` — the sources' permission policy, every answer from `accounts.roles.can`
  (`edit_source`, `publish_source`, `trust_team`);
- `forms.py` — the source form limited to the actor's teams, and the season form (one row per
  episode, or a pasted list);
- `workflow.py` — the approval workflow («Перевірка джерел», an editors' group task) and
  publishing or submitting a team's new source;
- `views.py` — the sources viewset (scoped listing, every object URL guarded), the season view,
  the trusted-teams viewset; registered in accounts/wagtail_hooks.py.

Sources are `anime.VideoSource` rows with their own revisions (see cms.anime.models): an
episode's revisions never hold them, so no episode publish can undo a team's work."""
