"""The custom user model (AUTH_USER_MODEL = "accounts.User"): one account per e-mail address,
compared case-insensitively."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    email = models.EmailField("електронна пошта")

    class Meta(AbstractUser.Meta):
        verbose_name = "користувач"
        verbose_name_plural = "користувачі"
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message="Користувач з такою електронною поштою вже існує.",
            )
        ]

    def save(self, *args, **kwargs):
        self.email = type(self).objects.normalize_email(self.email or "")
        super().save(*args, **kwargs)
