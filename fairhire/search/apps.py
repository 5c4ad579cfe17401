from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "fairhire.search"
    label = "search"
