"""The manga reader's API: `GET /api/reader/chapters/<id>/` gives a chapter's page image URLs,
resolved at read time (MangaDex's at-home server, or the editor's external URLs), with its
neighbours and where to read it at the source; nothing is stored, and page images are relayed
through us only when `READER_PROXY_IMAGES` says so.

- `services.py`: resolving a chapter's pages (cached below the at-home URLs' validity, one
  at-home request per chapter at a time) and the answer's body;
- `serializers.py`: the answer's shape for the OpenAPI schema;
- `views.py`, `urls.py`: the endpoint and the optional image relay.
"""
