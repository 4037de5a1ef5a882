"""Staff views of applications, their stage history and scorecards.

Everything is read-only: a stage changes only through ats.services.pipeline (allowed moves,
a history row, the candidate's email), so the one write here is the "Reject selected" action,
which goes through that service and reports the applications it could not move. Nothing is
deleted here either: an applicant's data goes through the privacy erasure, which also removes
the uploaded file.
"""

from django.contrib import admin, messages

from ats.models import Application, Scorecard, StageChange
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from core.admin import ReadOnlyAdmin
from core.errors import DomainError

ADMIN_REJECT_NOTE = "Rejected in the admin."


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StageChangeInline(_ReadOnlyInline):
    model = StageChange
    fields = ("created_at", "from_stage", "to_stage", "actor", "note")
    readonly_fields = fields


class ScorecardInline(_ReadOnlyInline):
    model = Scorecard
    fields = ("author", "recommendation", "ratings", "notes", "updated_at")
    readonly_fields = fields


class NoDeleteAdmin(ReadOnlyAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(NoDeleteAdmin):
    list_display = ("short_id", "job", "stage", "source", "fit_score", "created_at")
    list_filter = ("stage", "source", "created_at")
    search_fields = ("job__title",)
    list_select_related = ("job",)
    date_hierarchy = "created_at"
    # The stored file is encrypted bytes: its link would download ciphertext.
    exclude = ("resume_file",)
    inlines = [StageChangeInline, ScorecardInline]
    actions = ["reject_selected"]

    @admin.display(description="Application", ordering="id")
    def short_id(self, obj):
        return str(obj.pk)[:8]

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name != "resume_file"]

    @admin.action(description="Reject selected applications")
    def reject_selected(self, request, queryset):
        rejected, refused = 0, []
        for application in queryset.select_related("job"):
            try:
                application_move_stage(
                    application=application,
                    to_stage=Stage.REJECTED,
                    actor=request.user,
                    note=ADMIN_REJECT_NOTE,
                )
            except DomainError as exc:
                refused.append(f"{str(application.pk)[:8]}: {exc.detail}")
            else:
                rejected += 1
        if rejected:
            noun = "application" if rejected == 1 else "applications"
            self.message_user(request, f"{rejected} {noun} rejected.", messages.SUCCESS)
        if refused:
            self.message_user(request, f"Not rejected: {'; '.join(refused)}", messages.WARNING)


@admin.register(StageChange)
class StageChangeAdmin(NoDeleteAdmin):
    list_display = ("application", "from_stage", "to_stage", "actor", "created_at")
    list_filter = ("to_stage", "created_at")
    search_fields = ("application__job__title", "actor__email")
    list_select_related = ("application", "actor")
    date_hierarchy = "created_at"


@admin.register(Scorecard)
class ScorecardAdmin(NoDeleteAdmin):
    list_display = ("application", "author", "recommendation", "updated_at")
    list_filter = ("recommendation",)
    search_fields = ("application__job__title", "author__email")
    list_select_related = ("application", "author")
