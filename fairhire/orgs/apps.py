from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "fairhire.orgs"
    label = "orgs"
