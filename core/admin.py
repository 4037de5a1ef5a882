from django.contrib import admin

from core.models import OutboxTask


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff read these rows; only the services write them (files, audit and caches follow)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]


@admin.register(OutboxTask)
class OutboxTaskAdmin(ReadOnlyAdmin):
    """Background tasks waiting to run, running, or failed (done ones are deleted)."""

    list_display = ["task", "status", "attempts", "progress_at", "created_at"]
    list_filter = ["status", "task"]
