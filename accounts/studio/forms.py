"""Forms of the sources admin: one source (its team limited to the actor's teams) and a season
(one source per episode: rows of number and URL, or a pasted list)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.widgets import AdminPageChooser

from accounts.roles import editable_teams
from cms.anime.forms import VideoSourceForm
from cms.anime.models import AnimePage, EpisodePage, SourceKind, VideoSource
from cms.catalog.forms import JSONRowsField
from cms.catalog.models import Language
from outbound.providers import provider_choices

MAX_SEASON_ROWS = 500
PASTED_LINE = re.compile(r"^\s*(\d{1,5})[\s.:;,\-–—|]+(\S+)\s*$")


class TeamSourceForm(VideoSourceForm):
    """A source whose team is one the actor may edit; only those who may edit every team
    (editors) add original-audio sources without a team."""

    def team_queryset(self, teams):
        user = self.for_user
        allowed = editable_teams(user).order_by("title")
        if not user.has_perm("accounts.edit_any_team"):
            self.fields["dub_team"].required = True
            self.fields["dub_team"].empty_label = None
        return allowed


class SeasonForm(forms.Form):
    anime = forms.ModelChoiceField(
        AnimePage.objects.all(), label="Аніме", widget=AdminPageChooser(target_models=[AnimePage])
    )
    dub_team = forms.ModelChoiceField(None, label="Команда озвучення", empty_label=None)
    language = forms.ChoiceField(label="Мова", choices=Language.choices, initial="uk")
    provider = forms.ChoiceField(label="Провайдер", choices=provider_choices())
    kind = forms.ChoiceField(
        label="Тип",
        choices=[(k, label) for k, label in SourceKind.choices if k != SourceKind.HLS_VARIANTS],
    )
    rows = JSONRowsField([("number", "Номер серії"), ("url", "Адреса")], label="Серії")
    pasted = forms.CharField(
        label="Або вставте список",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Рядок на серію: номер і адреса, напр. «1 https://…/1.m3u8».",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["dub_team"].queryset = editable_teams(user).order_by("title")

    def pasted_rows(self) -> list[dict]:
        rows, bad = [], []
        for number, line in enumerate(self.cleaned_data.get("pasted", "").splitlines(), 1):
            if not line.strip():
                continue
            match = PASTED_LINE.match(line)
            if match is None:
                bad.append(str(number))
            else:
                rows.append({"number": match[1], "url": match[2]})
        if bad:
            raise ValidationError(
                f"Рядки {', '.join(bad[:10])}: очікується «номер адреса»."
                if len(bad) > 1
                else f"Рядок {bad[0]}: очікується «номер адреса»."
            )
        return rows

    def clean(self):
        cleaned = super().clean()
        try:
            entries = list(cleaned.get("rows") or []) + self.pasted_rows()
        except ValidationError as error:
            self.add_error("pasted", error)
            return cleaned
        entries = [row for row in entries if row["number"] or row["url"]]
        if not entries:
            raise ValidationError("Додайте хоча б одну серію: рядком або списком.")
        if len(entries) > MAX_SEASON_ROWS:
            raise ValidationError(f"Не більше {MAX_SEASON_ROWS} серій за раз.")
        numbers = []
        for row in entries:
            if not row["number"].isascii() or not row["number"].isdigit():
                raise ValidationError(f"«{row['number'][:20]}» — не номер серії.")
            numbers.append(int(row["number"]))
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise ValidationError(f"Серії повторюються: {', '.join(map(str, repeated))}.")
        anime = cleaned.get("anime")
        if anime is None or self.errors:
            return cleaned
        episodes = {
            episode.number: episode
            for episode in EpisodePage.objects.child_of(anime).filter(number__in=numbers)
        }
        missing = [n for n in numbers if n not in episodes]
        if missing:
            raise ValidationError(
                f"У «{anime.title}» немає серій: {', '.join(map(str, missing[:20]))}. "
                "Серії додає редактор каталогу."
            )
        sources, problems = [], []
        for number, row in zip(numbers, entries, strict=True):
            source = VideoSource(
                episode=episodes[number],
                dub_team=cleaned["dub_team"],
                language=cleaned["language"],
                provider=cleaned["provider"],
                kind=cleaned["kind"],
                url=row["url"],
            )
            try:
                source.full_clean(exclude=["episode", "latest_revision", "live_revision"])
            except ValidationError as error:
                problems.append(f"Серія {number}: {' '.join(error.messages)}")
            sources.append(source)
        if problems:
            raise ValidationError(problems)
        cleaned["sources"] = sources
        return cleaned
