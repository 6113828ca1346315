"""The admin form of a video source: per-quality playlists and subtitles as labelled rows."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from cms.catalog.forms import JSONRowsField


class VideoSourceForm(WagtailAdminModelForm):
    variants = JSONRowsField(
        [("quality", "Якість (напр. 720)"), ("url", "Адреса плейлиста")],
        mapping=True,
        label="Плейлисти якостей",
        help_text="Лише для типу «плейлист на кожну якість».",
    )
    subtitles = JSONRowsField(
        [("lang", "Мова (uk, en…)"), ("url", "Адреса файлу субтитрів")], label="Субтитри"
    )

    class Meta:
        widgets = {"dub_team": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dub_team"].queryset = self.team_queryset(self.fields["dub_team"].queryset)

    def team_queryset(self, teams):
        """The teams this form offers (all of them; the dub-studio admin narrows it)."""
        return teams.order_by("title")
