"""Django admin registration of the user model (Wagtail's admin has its own users area)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User

admin.site.register(User, UserAdmin)
