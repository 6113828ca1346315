"""Markers of the operations tests."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "nginx_e2e: needs Next's production build; `make test` runs it after the front end",
    )
