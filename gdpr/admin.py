from django.contrib import admin

from gdpr.models import AuditLogEntry, ConsentRecord, DataSubjectRequest, RetentionSetting


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are evidence: shown, never added, changed or deleted here."""

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "action", "actor", "object_type", "object_id", "ip_address")
    list_filter = ("action", "object_type", "created_at")
    search_fields = ("action", "object_type", "object_id", "actor__email", "ip_address")
    list_select_related = ("actor",)
    date_hierarchy = "created_at"


@admin.register(ConsentRecord)
class ConsentRecordAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "purpose", "granted", "text_version", "source")
    list_filter = ("purpose", "granted", "text_version")
    search_fields = ("user__email", "purpose")
    list_select_related = ("user",)
    date_hierarchy = "created_at"


@admin.register(RetentionSetting)
class RetentionSettingAdmin(admin.ModelAdmin):
    list_display = ("kind", "days", "updated_by", "updated_at")
    readonly_fields = ("updated_by", "updated_at")


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "anonymous", "user", "received_at", "due_at")
    list_filter = ("status", "kind", "anonymous")
    list_select_related = ("user",)
    date_hierarchy = "due_at"
    exclude = ("email",)
    readonly_fields = ("kind", "user", "anonymous", "reference", "received_at", "completed_at")
