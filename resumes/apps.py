from django.apps import AppConfig


class ResumesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resumes"
    verbose_name = "Resumes and analyses"

    def ready(self):
        from gdpr.signals import pii_keys_rotated
        from resumes.services.resumes import resume_files_rotate

        pii_keys_rotated.connect(resume_files_rotate, dispatch_uid="resumes.files")
        from core.durable import register
        from resumes.models import ANALYSIS_JOBS

        register(ANALYSIS_JOBS)
        from resumes.dashboard import register_resume_panels

        register_resume_panels()
