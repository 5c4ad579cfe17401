from django.urls import path  # noqa: F401 (pages are added by the postings work)

urlpatterns: list = []
