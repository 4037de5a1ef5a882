from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = "Jobs and matching"

    def ready(self):
        from jobs.targets import job_target_for_user
        from resumes.job_targets import register_job_resolver

        register_job_resolver(job_target_for_user)
        from jobs.dashboard import register_job_panels

        register_job_panels()
