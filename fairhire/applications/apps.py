from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "fairhire.applications"
    label = "applications"
