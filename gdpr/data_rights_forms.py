from django import forms


class ErasureConfirmForm(forms.Form):
    password = forms.CharField(
        label="Your current password",
        required=False,
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Deleting cannot be undone: confirm it is you.",
    )
