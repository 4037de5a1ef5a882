from django.urls import path

from gdpr import views

app_name = "gdpr"

urlpatterns = [
    path("privacy/", views.privacy_centre_view, name="privacy_centre"),
    path("privacy/consent", views.consent_view, name="consent"),
]
