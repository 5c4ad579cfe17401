from django.urls import path  # noqa: F401 (pages are added by the screening work)

urlpatterns: list = []
