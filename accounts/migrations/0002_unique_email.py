"""Every user gets a unique e-mail (case-insensitive). Rows from before this migration that had
none, or shared one with an older account, get a placeholder on the reserved `.invalid` domain
(no mail can reach it) that an admin or the user replaces later."""

from django.db import migrations, models
from django.db.models.functions import Lower


def fill_missing_and_duplicate_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    seen: set[str] = set()
    for user in User.objects.order_by("id").only("id", "email"):
        email = (user.email or "").strip()
        if not email or email.lower() in seen:
            email = f"user-{user.id}@users.anihata.invalid"
            User.objects.filter(pk=user.pk).update(email=email)
        seen.add(email.lower())


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.RunPython(fill_missing_and_duplicate_emails, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="email",
            field=models.EmailField(max_length=254, verbose_name="електронна пошта"),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message="Користувач з такою електронною поштою вже існує.",
            ),
        ),
    ]
