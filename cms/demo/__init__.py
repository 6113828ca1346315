"""The offline demo catalog (`manage.py load_demo`): above every content app, since it fills
them all; nothing imports it but its command, tests and benchmarks."""
