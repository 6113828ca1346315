"""The custom user model (AUTH_USER_MODEL = "accounts.User"); profile data comes later."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    email = models.EmailField("електронна пошта", blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = "користувач"
        verbose_name_plural = "користувачі"
        swappable = "AUTH_USER_MODEL"
