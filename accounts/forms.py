from django import forms
from django.contrib.auth.forms import PasswordResetForm

from accounts.models import (
    PROFILE_FIELDS,
    SELF_SERVICE_ROLE_CHOICES,
    Role,
    User,
    normalize_email,
)
from core.errors import DomainError


class LoginForm(forms.Form):
    email = forms.EmailField(max_length=254, widget=forms.EmailInput(attrs={"autofocus": True}))
    password = forms.CharField(strip=False, max_length=128, widget=forms.PasswordInput)


class RegisterForm(forms.Form):
    name = forms.CharField(max_length=150)
    email = forms.EmailField(max_length=254)
    password = forms.CharField(
        strip=False,
        max_length=128,
        widget=forms.PasswordInput,
        help_text="At least 10 characters; not a common or all-numeric password.",
    )
    role = forms.ChoiceField(
        choices=SELF_SERVICE_ROLE_CHOICES,
        initial=Role.CANDIDATE,
        widget=forms.RadioSelect,
        label="I am a",
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = list(PROFILE_FIELDS)
        widgets = {"phone": forms.TextInput(attrs={"maxlength": 32})}
        labels = {
            "github_url": "GitHub",
            "linkedin_url": "LinkedIn",
            "stackoverflow_url": "Stack Overflow",
        }


class PasswordResetRequestForm(PasswordResetForm):
    """Also reaches invited users who never chose a password (their link may have expired)."""

    def get_users(self, email):
        return User.objects.filter(email=normalize_email(email), is_active=True)


def add_service_errors(form: forms.Form, exc) -> None:
    """Show a service's error on the form: per field for validation, else at the top."""
    detail = exc.errors if isinstance(exc, DomainError) and exc.errors else exc.detail
    if isinstance(detail, dict):
        for field, messages in detail.items():
            target = field if field in form.fields else None
            for message in messages if isinstance(messages, list) else [messages]:
                form.add_error(target, str(message))
    else:
        form.add_error(None, str(detail))
