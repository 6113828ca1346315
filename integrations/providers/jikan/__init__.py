"""The jikan provider (client and mapping)."""
