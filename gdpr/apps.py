from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class GdprConfig(AppConfig):
    name = "gdpr"
    verbose_name = "Privacy"

    def ready(self):
        from core.consent import set_provider_consent_check
        from gdpr import crypto  # noqa: F401  (connects its settings listener)
        from gdpr.consents import allows_outside_ai

        # Each app declares its personal data in privacy.py, found like admin.py.
        autodiscover_modules("privacy")
        # Outside AI calls stop the moment a person withdraws that consent.
        set_provider_consent_check(allows_outside_ai)

        from core.durable import register
        from gdpr.export import DATA_EXPORT_JOBS, export_files_rotate
        from gdpr.signals import pii_keys_rotated

        register(DATA_EXPORT_JOBS)
        pii_keys_rotated.connect(export_files_rotate, dispatch_uid="gdpr.exports")
