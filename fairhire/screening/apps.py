from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "fairhire.screening"
    label = "screening"
