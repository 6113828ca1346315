"""Admin forms shared by the catalog apps: numbered child pages, and JSON rows (lists and
mappings) edited as labelled fields."""

from django import forms
from django.utils.html import format_html, format_html_join
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


class RowsWidget(forms.Widget):
    """Rows of labelled text inputs in a plain table: the saved rows, then a few blank ones to
    add more, each saved row with a «Видалити» box. No script: Wagtail's list-block editor,
    used here before, failed to start on the source forms (a JavaScript error). Posts
    `<name>-count`, `<name>-<i>-value-<key>` and `<name>-<i>-deleted`, as that editor did."""

    blank_rows = 3
    max_rows = 500

    def __init__(self, columns, attrs=None):
        super().__init__(attrs)
        self.columns = columns

    def render(self, name, value, attrs=None, renderer=None):
        rows = list(value or []) + [{} for _ in range(self.blank_rows)]
        head = format_html_join(
            "", '<th scope="col">{}</th>', ((label,) for _, label in self.columns)
        )
        body = format_html_join(
            "",
            "<tr>{}<td>{}</td></tr>",
            (
                (
                    format_html_join(
                        "",
                        '<td><input type="text" name="{}-{}-value-{}" value="{}" '
                        'aria-label="{} ({})" class="w-field__input"></td>',
                        (
                            (name, index, key, row.get(key, ""), label, index + 1)
                            for key, label in self.columns
                        ),
                    ),
                    format_html(
                        '<label><input type="checkbox" name="{}-{}-deleted" value="1"> '
                        "Видалити</label>",
                        name,
                        index,
                    )
                    if index < len(value or [])
                    else "",
                )
                for index, row in enumerate(rows)
            ),
        )
        return format_html(
            '<input type="hidden" name="{}-count" value="{}">'
            '<table class="listing" id="{}"><thead><tr>{}<th></th></tr></thead>'
            "<tbody>{}</tbody></table>",
            name,
            len(rows),
            (attrs or {}).get("id", name),
            head,
            body,
        )

    def value_from_datadict(self, data, files, name) -> list[dict]:
        """The filled rows, in order; blank and ticked-for-deletion rows are left out, and a
        missing or broken count reads as no rows instead of failing the request."""
        try:
            count = min(int(data.get(f"{name}-count", 0)), self.max_rows)
        except (TypeError, ValueError):
            return []
        rows = []
        for index in range(max(count, 0)):
            if data.get(f"{name}-{index}-deleted"):
                continue
            row = {key: str(data.get(f"{name}-{index}-value-{key}", "")) for key, _ in self.columns}
            if any(value.strip() for value in row.values()):
                rows.append(row)
        return rows

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-count" not in data


class JSONRowsField(forms.Field):
    """A JSON list of objects, or a JSON mapping, edited as rows of labelled fields instead of a
    raw JSON box. `columns` are `(key, label)` pairs; with `mapping=True` the model stores
    `{first column: second column}` (e.g. `{"720": url}`), otherwise `[{key: value, …}]`. The
    model field's own validators still run on the result."""

    def __init__(self, columns, *, mapping: bool = False, **kwargs):
        self.columns = list(columns)
        self.keys = [key for key, _ in self.columns]
        self.mapping = mapping
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", RowsWidget(self.columns))
        super().__init__(**kwargs)

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
        return self.rows(value) if isinstance(value, dict | list) else []

    def clean(self, value):
        rows = [dict(row) for row in value or []]
        incomplete = [
            str(number)
            for number, row in enumerate(rows, 1)
            if not all(row.get(key, "").strip() for key in self.keys)
        ]
        if incomplete:
            raise forms.ValidationError(f"Заповніть усі поля рядків: {', '.join(incomplete[:10])}.")
        if self.required and not rows:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return self.stored(rows)

    def has_changed(self, initial, data):
        try:
            return self.stored(self.rows(initial)) != self.stored([dict(row) for row in data or []])
        except (TypeError, AttributeError, KeyError):
            return True
