"""Staff tools as Wagtail admin extensions; it reads cms, accounts and integrations, and nothing
imports crm. Everything staff see lives under /admin/crm/:

- `policies.py` — the permission policy every CRM view declares: Wagtail's permission names
  mapped onto `accounts.roles.can` actions (staff = moderators and above);
- `views/users.py` — the users list (filters, sorting, CSV/XLSX export), the user card and its
  actions (roles, ban/unban, reputation adjustment, staff notes); the actions themselves are
  accounts' functions, which write the audit log;
- `views/moderation.py` — the open comment reports decided in bulk through
  forum.discussions.moderation, and the failing video sources;
- `views/audit.py` — Wagtail's audit log (every logged staff action), filterable;
- `stats.py` + `tasks.py` + `views/stats.py` — daily aggregate rows computed by the Celery task
  `crm.compute_daily_stats` (and after `load_demo`) and the dashboard that reads only those
  rows, drawn by Chart.js (vendored: static/crm/vendor/);
- `home.py` — the Wagtail dashboard's summary row (video reports, today's figures, failing
  sources, the import review queue) instead of Wagtail's page/image/document counts;
- `models.py` — staff notes and the daily statistics rows;
- `viewsets.py` — the «CRM» menu group (users, roles, bans, statistics, audit);
- `wagtail_hooks.py` — registration, the CRM's own log actions, the dashboard summary hook.
"""
