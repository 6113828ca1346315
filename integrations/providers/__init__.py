"""Catalog sources (jikan, anilist, kitsu, mangadex, hikka), one package each with an httpx
``client`` (a ``Provider`` built on ``http.ProviderClient``) and a JSON ``mapping``.

- ``provider``: the ``Provider`` interface and its capabilities;
- ``http``: the HTTP plumbing every client shares (rate limiter, retries, typed errors);
- ``values``: tolerant parsing helpers the mappings share (numbers, dates, enums, rich text);
- ``registry``: which sources exist; the admin choices, the command and the importers read it.
"""
