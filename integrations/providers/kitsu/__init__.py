"""The kitsu provider (client and mapping)."""
