from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm
from django.utils import timezone

from accounts.models import User
from accounts.services import access_changed
from core.http import client_ip


class UserCreationAdminForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name", "role")


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin (including its password-change page) fitted to our user model."""

    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    list_display = ("email", "name", "role", "is_active", "created_at", "last_login")
    list_editable = ("role", "is_active")
    list_filter = ("role", "is_active", "created_at")
    search_fields = ("email", "name", "headline", "location")
    ordering = ("-created_at",)
    date_hierarchy = "created_at"
    filter_horizontal = ()
    readonly_fields = ("email_verified_at", "created_at", "updated_at", "last_login")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("name", "headline", "location", "phone")}),
        ("Links", {"fields": ("github_url", "linkedin_url", "stackoverflow_url")}),
        ("Access", {"fields": ("role", "is_active")}),
        ("Dates", {"fields": ("email_verified_at", "last_login", "created_at", "updated_at")}),
    )
    add_fieldsets = (
        (
            None,
            {"classes": ("wide",), "fields": ("email", "name", "role", "password1", "password2")},
        ),
    )

    def save_model(self, request, obj, form, change):
        if not change:  # an admin creating an account vouches for its address
            obj.email_verified_at = timezone.now()
        super().save_model(request, obj, form, change)
        access_fields = [f for f in ("role", "is_active") if f in form.changed_data]
        if change and access_fields:
            access_changed(
                actor=request.user, user=obj, fields=access_fields, ip=client_ip(request)
            )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "phone":
            kwargs["widget"] = forms.TextInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)
