from django.apps import AppConfig


class FootprintConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "footprint"
    verbose_name = "Developer footprint"

    def ready(self):
        from core.durable import register
        from core.health import register_service_details
        from core.panels import register_candidate_panel
        from footprint.clients.quota import github_health, stackexchange_health
        from footprint.models import SCAN_JOBS
        from footprint.panel import footprint_panel

        register(SCAN_JOBS)
        register_service_details("github", github_health)
        register_service_details("stackoverflow", stackexchange_health)
        register_candidate_panel("footprint", footprint_panel)
