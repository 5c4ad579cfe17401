from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "fairhire.core"
    label = "core"
    verbose_name = "FairHire core"
