from django.urls import path

from fairhire.privacy import views

urlpatterns = [
    path("privacy/access-log/", views.access_log, name="pi-access-log"),
    path("privacy/self-inspections/", views.self_inspection_list, name="self-inspection-list"),
    path("privacy/self-inspections/<int:year>/", views.self_inspection_detail,
         name="self-inspection-detail"),
]
