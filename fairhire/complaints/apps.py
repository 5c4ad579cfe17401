from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "fairhire.complaints"
    label = "complaints"
