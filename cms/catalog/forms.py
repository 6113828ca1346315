"""Admin forms shared by the catalog apps."""

from wagtail.admin.forms import WagtailAdminPageForm


class NumberedChildForm(WagtailAdminPageForm):
    """For pages identified by a number under their parent (episodes, chapters): the slug is
    derived from the number, so editors never type one, and a sibling with the same number is a
    form error rather than a slug clash."""

    duplicate_message = "Номер {number} уже є."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def slug_for(self, number) -> str:
        return str(number)

    def sibling_filter(self, cleaned_data: dict) -> dict:
        return {"number": cleaned_data["number"]}

    def clean(self):
        number = self.cleaned_data.get("number")
        if number is not None:
            self.cleaned_data["slug"] = self.slug_for(number)
        cleaned = super().clean()
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if number is not None and parent is not None:
            siblings = (
                type(self.instance).objects.child_of(parent).filter(**self.sibling_filter(cleaned))
            )
            if self.instance.pk:
                siblings = siblings.exclude(pk=self.instance.pk)
            if siblings.exists():
                self.add_error("number", self.duplicate_message.format(number=number))
        return cleaned
