from django.contrib import admin

from footprint.models import FootprintScan, FootprintSharing


@admin.register(FootprintScan)
class FootprintScanAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "owner",
        "github_username",
        "stackoverflow_id",
        "status",
        "overall_score",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = ("owner__email", "github_username")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = (
        "sources",
        "scores",
        "skills",
        "recommendations",
        "created_at",
        "completed_at",
        "progress_at",
        "attempts",
    )
    exclude = ("github_analysis", "stackoverflow_analysis", "privacy_report")


@admin.register(FootprintSharing)
class FootprintSharingAdmin(admin.ModelAdmin):
    list_display = ("user", "share_with_recruiters", "updated_at")
    list_filter = ("share_with_recruiters",)
    raw_id_fields = ("user",)
