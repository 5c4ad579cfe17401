from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "fairhire.privacy"
    label = "privacy"
