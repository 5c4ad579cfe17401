from django.apps import AppConfig


class PostingsConfig(AppConfig):
    name = "fairhire.postings"
    label = "postings"
