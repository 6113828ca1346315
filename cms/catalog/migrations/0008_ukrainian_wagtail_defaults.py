"""Wagtail's migrations create their data in English: the tree's root page «Root», the groups
«Moderators» and «Editors», and the workflow and task «Moderators approval», the root collection «Root». Staff see these
names in the explorer, the users list and the editor's «Submit to …» button: give them
Ukrainian names (only where they still carry Wagtail's defaults)."""

from django.db import migrations

RENAMES = {
    "root": ("Root", "Корінь"),
    "moderators": ("Moderators", "Модератори Wagtail"),
    "editors": ("Editors", "Редактори Wagtail"),
    "workflow": ("Moderators approval", "Схвалення модераторами"),
}


def rename(apps, schema_editor, forward=True):
    def names(key):
        old, new = RENAMES[key]
        return (old, new) if forward else (new, old)

    Page = apps.get_model("wagtailcore", "Page")
    old, new = names("root")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=old).update(name=new)
    Group = apps.get_model("auth", "Group")
    for key in ("moderators", "editors"):
        old, new = names(key)
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    old, new = names("workflow")
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0007_page_url_path_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
