from django.urls import path

from core import views

urlpatterns = [
    path("", views.home_view, name="home"),
    path("health", views.liveness_view, name="health"),
]
