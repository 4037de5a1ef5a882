from django.contrib import admin

from gdpr.models import AuditLogEntry


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "actor", "object_type", "object_id", "ip_address")
    list_filter = ("action", "object_type", "created_at")
    search_fields = ("action", "object_type", "object_id", "actor__email", "ip_address")
    list_select_related = ("actor",)
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditLogEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
