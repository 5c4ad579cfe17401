from django.urls import path

from fairhire.reference import views

urlpatterns = [
    path("", views.index, name="reference-index"),
    path("<slug:kind>/", views.browse, name="reference-browse"),
    path("<slug:kind>/pick/", views.pick, name="reference-pick"),
]
