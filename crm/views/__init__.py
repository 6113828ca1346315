"""The CRM's admin views, one module per screen."""
