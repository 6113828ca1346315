"""Everything we fetch from outside, in one low-level package every layer may import.

- ``providers``: the registry of video stream providers (name, admin label, default hosts, how
  their pages are read); the admin choices, the host defaults and the PlayerJS list read it.
- ``hosts``: the host allowlist per provider (``settings.STREAM_PROVIDER_HOSTS``; a host covers
  its subdomains).
- ``urls``: the URL rules, by the WHATWG URL standard browsers follow: only plain
  ``http(s)://host[:port]/…`` passes; backslashes, user-info, control characters and odd hosts
  are refused outright, never "repaired".
- ``http``: the guarded HTTP client: redirects followed by hand and checked hop by hop, private
  addresses refused at connect time, a body cap and an overall deadline.

It imports nothing of ours (an import contract says so), so the models' ``clean`` (cms), the
resolver and the periodic check (integrations) share one set of rules.
"""
