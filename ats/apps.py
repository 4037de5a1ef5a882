from django.apps import AppConfig


class AtsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ats"
    verbose_name = "Applicant tracking"

    def ready(self):
        from ats import receivers  # noqa: F401 - connects the account-event receivers
        from ats.dashboard import register_ats_panels

        register_ats_panels()
