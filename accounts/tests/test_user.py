"""The user model: one account per e-mail address, whatever its case."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from accounts.models import User


@pytest.mark.django_db
def test_email_is_unique_case_insensitively():
    User.objects.create_user("a", "Hanna@Example.com", "x")
    with pytest.raises(ValidationError, match="вже існує"):
        User(username="b", email="hanna@example.COM").validate_constraints()
    with pytest.raises(IntegrityError):
        User.objects.create_user("b", "HANNA@example.com", "x")


@pytest.mark.django_db
def test_email_is_required():
    with pytest.raises(ValidationError) as error:
        User(username="c", email="").full_clean()
    assert "email" in error.value.message_dict
