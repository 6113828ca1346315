"""Importing catalog records into pages, by job:

- ``records``: the normalised record every provider mapping produces;
- ``pipeline``: import runs (ids, season, top, search; resumable, in bounded batches);
- ``review``: the editors' review queue (ImportedTitle rows) and their actions;
- ``pages``: writing a record to a page without overwriting an editor's changes;
- ``children``: episode and chapter pages of imported titles.

``pipeline`` uses ``review`` and ``children``, both use ``pages``; ``records`` is what the
providers hand over.
"""
