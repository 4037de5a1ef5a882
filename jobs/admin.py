"""Staff views of job postings and saved jobs.

Edits made here take the same path as the service: derived fields are computed again before
the save, and the jobs version moves so caches built from jobs (insights, the match index)
rebuild. Saved jobs are the users' own choices: read-only.
"""

from django.contrib import admin, messages
from django.utils import timezone

from core.admin import ReadOnlyAdmin
from jobs.derived import jobs_derive
from jobs.freshness import jobs_changed
from jobs.models import Job, JobStatus, SavedJob
from jobs.services.jobs import job_delete


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("title", "company", "status", "source", "owner", "posted_at")
    list_filter = ("status", "job_type", "work_mode", "experience_level", "source")
    search_fields = ("title", "company", "short_code", "source_job_id")
    list_select_related = ("owner",)
    autocomplete_fields = ("owner",)
    date_hierarchy = "created_at"
    exclude = ("vector", "search_vector")
    readonly_fields = (
        "short_code",
        "skill_keys",
        "vector_backend",
        "created_at",
        "updated_at",
    )
    actions = ["close_jobs"]

    def save_model(self, request, obj, form, change):
        # Skills typed here are a person's choice, as on the recruiter's form.
        if {"required_skills", "preferred_skills"} & set(form.changed_data):
            obj.skills_edited = True
        if obj.status == JobStatus.OPEN and obj.posted_at is None:
            obj.posted_at = timezone.now()
        jobs_derive([obj])
        super().save_model(request, obj, form, change)
        jobs_changed()

    def delete_model(self, request, obj):
        job_delete(job=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for job in queryset:
            job_delete(job=job, user=request.user)

    @admin.action(description="Close selected jobs")
    def close_jobs(self, request, queryset):
        closed = queryset.exclude(status=JobStatus.CLOSED).update(
            status=JobStatus.CLOSED, updated_at=timezone.now()
        )
        jobs_changed()
        self.message_user(
            request, f"{closed} job{'s' if closed != 1 else ''} closed.", messages.SUCCESS
        )


@admin.register(SavedJob)
class SavedJobAdmin(ReadOnlyAdmin):
    list_display = ("user", "job", "saved_at")
    search_fields = ("user__email", "job__title", "job__short_code")
    list_select_related = ("user", "job")
    date_hierarchy = "saved_at"
