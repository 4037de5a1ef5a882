from django.urls import path

from gdpr.api import views

urlpatterns = [
    path("gdpr/consent", views.ConsentView.as_view(), name="gdpr-consent"),
]
