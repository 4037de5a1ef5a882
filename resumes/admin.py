"""Staff views of resumes and their documents: read-only, since every change has a service
(uploads are checked, analyses run through the pipeline). Deleting goes through the service
so stored files go too."""

from django.contrib import admin, messages

from core.admin import ReadOnlyAdmin
from core.errors import DomainError
from core.http import client_ip
from resumes.models import Analysis, CoverLetter, Enhancement, Resume
from resumes.services.analyses import analysis_retry
from resumes.services.resumes import resume_delete


@admin.register(Resume)
class ResumeAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "owner", "file_kind", "file_size", "last_score", "created_at")
    list_filter = ("file_kind", "source", "created_at")
    search_fields = ("original_name", "owner__email")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    exclude = ("stored_file",)

    def delete_model(self, request, obj):
        resume_delete(resume=obj, user=request.user, ip=client_ip(request))

    def delete_queryset(self, request, queryset):
        for resume in queryset:
            resume_delete(resume=resume, user=request.user, ip=client_ip(request))


@admin.register(Analysis)
class AnalysisAdmin(ReadOnlyAdmin):
    list_display = ("id", "owner", "status", "progress", "overall_score", "engine", "created_at")
    list_filter = ("status", "engine", "created_at")
    search_fields = ("id", "owner__email", "job_title")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    actions = ["retry_failed"]

    @admin.action(description="Retry the selected failed analyses")
    def retry_failed(self, request, queryset):
        for analysis in queryset:
            try:
                analysis_retry(analysis=analysis)
            except DomainError as exc:
                self.message_user(request, f"{analysis.pk}: {exc.detail}", messages.WARNING)


@admin.register(Enhancement)
class EnhancementAdmin(ReadOnlyAdmin):
    list_display = ("id", "owner", "resume", "target_role", "engine", "created_at")
    search_fields = ("owner__email", "target_role")
    list_select_related = ("owner", "resume")


@admin.register(CoverLetter)
class CoverLetterAdmin(ReadOnlyAdmin):
    list_display = ("id", "owner", "job_title", "tone", "engine", "created_at")
    list_filter = ("tone", "engine")
    search_fields = ("owner__email", "job_title", "job_company")
    list_select_related = ("owner",)
