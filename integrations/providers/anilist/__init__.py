"""The anilist provider (client and mapping)."""
