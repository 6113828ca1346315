"""Staff tools as Wagtail admin extensions (viewsets, reports, dashboard). It reads cms and
accounts; nothing imports crm. Empty until the CRM issue lands."""
