"""Admin forms shared by the catalog apps: numbered child pages, and JSON rows (lists and
mappings) edited as labelled fields."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockField, CharBlock, ListBlock, StructBlock
from wagtail.blocks.base import BlockWidget


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


class RowsWidget(BlockWidget):
    """Wagtail's list-block editor; a post without (or with broken) row data reads as no rows
    instead of failing the request."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):
            return self.block_def.empty_value()


class JSONRowsField(BlockField):
    """A JSON list of objects, or a JSON mapping, edited as rows of labelled fields (Wagtail's
    list-block editor) instead of a raw JSON box. `columns` are `(key, label)` pairs; with
    `mapping=True` the model stores `{first column: second column}` (e.g. `{"720": url}`),
    otherwise `[{key: value, …}]`. The model field's own validators still run on the result."""

    def __init__(self, columns, *, mapping: bool = False, **kwargs):
        self.keys = [key for key, _ in columns]
        self.mapping = mapping
        block = ListBlock(
            StructBlock([(key, CharBlock(label=label)) for key, label in columns]),
            label=kwargs.get("label"),
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", RowsWidget(block))
        super().__init__(block=block, **kwargs)

    def rows(self, value) -> list[dict]:
        """The stored JSON as a list of rows (anything malformed reads as no rows)."""
        if isinstance(value, dict):
            pairs = value.items()
            return [dict(zip(self.keys, (str(key), str(url)), strict=True)) for key, url in pairs]
        if isinstance(value, list):
            return [
                {key: str(row.get(key, "")) for key in self.keys}
                for row in value
                if isinstance(row, dict)
            ]
        return []

    def stored(self, rows: list[dict]):
        """Rows back into the JSON shape the model stores."""
        if self.mapping:
            first, second = self.keys[:2]
            return {row[first].strip(): row[second].strip() for row in rows}
        return [{key: row[key].strip() for key in self.keys} for row in rows]

    def prepare_value(self, value):
        if isinstance(value, dict | list):
            return self.block.to_python(self.rows(value))
        return value

    def clean(self, value):
        return self.stored([dict(row) for row in super().clean(value)])

    def has_changed(self, initial, data):
        try:
            return self.stored(self.rows(initial)) != self.stored([dict(row) for row in data])
        except (TypeError, AttributeError, KeyError):
            return True
