from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "fairhire.profiles"
    label = "profiles"
