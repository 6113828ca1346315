"""`demo_loaded`: sent by `load_demo` after the catalog is in place, so apps above cms (which cms
may not import) add their part of the demo: accounts its demo viewers and their watching, the
CRM its statistics rows. Receivers run in the order their apps are installed."""

from django.dispatch import Signal

demo_loaded = Signal()
