"""Forms of the user card's actions; which roles a form offers depends on the actor's rank."""

from django import forms

from accounts.models import Role
from accounts.roles import rank


class BanForm(forms.Form):
    reason = forms.CharField(
        label="Причина", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    days = forms.IntegerField(
        label="Днів", min_value=1, max_value=36500, required=False, help_text="Порожньо — назавжди."
    )


class UnbanForm(forms.Form):
    reason = forms.CharField(label="Причина", max_length=1000, required=False)


class RoleChangeForm(forms.Form):
    """Assign or remove one role; only roles below the actor's rank are offered."""

    OPERATIONS = (("assign", "Призначити"), ("remove", "Зняти"))

    role = forms.ModelChoiceField(label="Роль", queryset=Role.objects.none())
    operation = forms.ChoiceField(
        choices=OPERATIONS, widget=forms.HiddenInput, initial="assign", required=False
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Role.objects.filter(rank__lt=rank(actor)).exclude(
            name="viewer"
        )


class ReputationForm(forms.Form):
    points = forms.IntegerField(
        label="Бали",
        min_value=-100000,
        max_value=100000,
        help_text="Від’ємне число забирає бали; щоб обнулити, вкажіть мінус поточну репутацію.",
    )
    reason = forms.CharField(label="Причина", max_length=300)

    def clean_points(self):
        if self.cleaned_data["points"] == 0:
            raise forms.ValidationError("Вкажіть ненульову кількість балів.")
        return self.cleaned_data["points"]


class StaffNoteForm(forms.Form):
    text = forms.CharField(
        label="Нотатка", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
