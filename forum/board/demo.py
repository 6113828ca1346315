"""The forum's part of the demo (after `load_demo`'s catalog, through cms.demo's
`demo_loaded`): the five forums. Safe to run again."""

from .forums import ensure_forums


def load_demo_forums(**kwargs) -> int:
    return ensure_forums()
