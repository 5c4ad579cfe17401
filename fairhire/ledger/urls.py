from django.urls import path

from fairhire.ledger import views

urlpatterns = [
    path("", views.ledger_home, name="ledger-home"),
]
