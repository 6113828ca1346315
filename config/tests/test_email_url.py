"""EMAIL_URL → Django's EMAIL_* settings."""

import pytest

from config.settings.base import parse_email_url

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_plain_smtp_without_tls_or_login():
    assert parse_email_url("smtp://mail.internal:2525") == {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": "mail.internal",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_starttls_with_an_encoded_password():
    settings = parse_email_url("submission://noreply%40anihata.ua:p%40ss%3Aword@smtp.example.com")
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_USE_TLS"] and not settings["EMAIL_USE_SSL"]
    assert settings["EMAIL_HOST_USER"] == "noreply@anihata.ua"
    assert settings["EMAIL_HOST_PASSWORD"] == "p@ss:word"


@pytest.mark.parametrize(
    "url, port, tls, ssl",
    [
        ("smtps://u:p@smtp.example.com", 465, False, True),
        ("smtp+ssl://smtp.example.com:2465", 2465, False, True),
        ("smtp+tls://smtp.example.com", 587, True, False),
        ("smtp://smtp.example.com?tls=true", 587, True, False),
        ("smtp://smtp.example.com", 25, False, False),
    ],
)
def test_tls_modes(url, port, tls, ssl):
    settings = parse_email_url(url)
    assert (settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"]) == (
        port,
        tls,
        ssl,
    )


def test_console_needs_nothing_else():
    assert parse_email_url("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        parse_email_url("smtq://host")


def test_file_backend_for_end_to_end_tests():
    assert parse_email_url("file:///tmp/anihata%20mail") == {
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": "/tmp/anihata mail",
    }
