"""Signals library sends for other parts to hear.

`rating_changed(title_id=…)` — sent after the commit that changed a title's `rating` and
`rating_count` (one per changed vote). It is the one hook for copies of the rating (the
catalog read model connects here); the cached catalog answers are dropped by
`library.ratings` itself, batched."""

from django.dispatch import Signal

rating_changed = Signal()
