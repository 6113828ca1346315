"""The forum's part of the demo (after `load_demo`'s catalog, through cms.demo's
`demo_loaded`): the five forums and a topic for every title. Safe to run again."""

from .forums import ensure_forums
from .topics import ensure_all_title_topics


def load_demo_forums(**kwargs) -> int:
    """Returns how many forums and topics were created."""
    return ensure_forums() + ensure_all_title_topics()
