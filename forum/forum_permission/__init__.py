"""Overrides of machina's `forum_permission` app, found by machina's class loader (an installed
app whose name ends in `.forum_permission`, listed before machina's): only the checker."""
