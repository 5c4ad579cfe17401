from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "fairhire.reference"
    label = "reference"
