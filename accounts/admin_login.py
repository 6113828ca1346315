"""The Wagtail admin's sign-in form (WAGTAILADMIN_USER_LOGIN_FORM): the same failed-login limits
as the site's sign-in (allauth's `login_failed` rate limit: per address and per username,
`ACCOUNT_RATE_LIMITS`), with a Ukrainian message."""

from allauth.account.adapter import get_adapter
from wagtail.admin.forms.auth import LoginForm


class ThrottledLoginForm(LoginForm):
    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            # Raises "too_many_login_attempts" before checking the password once the limit is
            # reached; a successful sign-in gives its attempt back.
            self.user_cache = get_adapter(self.request).authenticate(
                self.request, username=username, password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
