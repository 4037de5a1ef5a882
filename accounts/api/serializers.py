from rest_framework import serializers

from accounts.models import PROFILE_FIELDS, SELF_SERVICE_ROLE_CHOICES, Role, User


class UserSerializer(serializers.Serializer):
    """The user as every endpoint shows it. Declared fields, not a ModelSerializer: building
    fields from the model on each request was ~40 % of `GET /auth/me` (see bench/api.py)."""

    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True)
    name = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    headline = serializers.CharField(read_only=True)
    location = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)
    github_url = serializers.URLField(read_only=True)
    linkedin_url = serializers.URLField(read_only=True)
    stackoverflow_url = serializers.URLField(read_only=True)
    skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    is_active = serializers.BooleanField(read_only=True)
    email_verified = serializers.BooleanField(
        read_only=True, help_text="False until the link mailed at sign-up is opened."
    )
    email_verified_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_login = serializers.DateTimeField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


class TokenPairSerializer(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.CharField()
    expires_in = serializers.IntegerField(help_text="Access token lifetime in seconds.")


class AuthResponseSerializer(TokenPairSerializer):
    user = UserSerializer()


class PasswordField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("write_only", True)
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("max_length", 128)
        kwargs.setdefault("style", {"input_type": "password"})
        super().__init__(**kwargs)


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = PasswordField()
    name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=SELF_SERVICE_ROLE_CHOICES, default=Role.CANDIDATE)


class LoginSerializer(serializers.Serializer):
    """JSON `{email, password}`, or the OAuth2 password form `username=&password=`."""

    schema_any_of_required = (("email", "password"), ("username", "password"))

    email = serializers.EmailField(required=False, max_length=254)
    username = serializers.EmailField(required=False, max_length=254)
    password = PasswordField()

    def validate(self, attrs):
        email = attrs.get("email") or attrs.get("username")
        if not email:
            raise serializers.ValidationError({"email": ["This field is required."]})
        return {"email": email, "password": attrs["password"]}


class VerifyEmailSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=512, help_text="From the link mailed at sign-up.")


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class RefreshSerializer(serializers.Serializer):
    refresh_token = serializers.CharField()


class LogoutSerializer(RefreshSerializer):
    all_devices = serializers.BooleanField(default=False)


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = list(PROFILE_FIELDS)
        extra_kwargs = {"phone": {"max_length": 32}}


class AccountDeleteSerializer(serializers.Serializer):
    password = PasswordField(required=False, help_text="Required for accounts with a password.")


class UserCreateSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=Role.choices)
    password = PasswordField(
        required=False, help_text="Optional; without it the user gets a link to choose one."
    )


class UserAccessSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    is_active = serializers.BooleanField(required=False)


class UserFilterSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    q = serializers.CharField(required=False, max_length=100)
    is_active = serializers.BooleanField(required=False, allow_null=True, default=None)
