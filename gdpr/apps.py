from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class GdprConfig(AppConfig):
    name = "gdpr"
    verbose_name = "Privacy"

    def ready(self):
        from gdpr import crypto  # noqa: F401  (connects its settings listener)

        # Each app declares its personal data in privacy.py, found like admin.py.
        autodiscover_modules("privacy")
