"""The mangadex provider (client and mapping)."""
