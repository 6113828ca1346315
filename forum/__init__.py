"""The community: comments on pages (the `discussions` app), the django-machina forum with our
overrides and the bridge between titles and forum topics. A plain package, not an installed app
(machina owns the label `forum`). It builds on cms and accounts and plugs into them through
signals, hooks and registries (e.g. `cms.discovery.instant.register_section`); cms never
imports it. Empty until the community issue lands."""
