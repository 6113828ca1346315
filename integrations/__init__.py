"""What comes from other sites:

- ``providers/``: catalog sources (Jikan, AniList, Kitsu, MangaDex, Hikka) behind one
  ``Provider`` interface, one HTTP client with retries and the shared rate limiter
  (``ratelimit.py``), and one registry;
- ``importers/``: import runs, the editors' review queue (``ImportedTitle``, admin in
  ``admin_views.py`` / ``wagtail_hooks.py``), page writing and episode/chapter sync;
- ``streams/``: the playback API (video providers resolved through ``outbound``), the periodic
  source check and visitors' broken-video reports;
- ``tasks.py``: the Celery tasks (thin: ids in, typed retries, bounded batches).
"""
