"""The hikka provider (client and mapping)."""
