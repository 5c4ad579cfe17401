from django.urls import include, path
from django.views.i18n import set_language

from fairhire.api import api
from fairhire.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("i18n/setlang/", set_language, name="set-language"),
    path("accounts/", include("fairhire.accounts.urls")),
    path("reference/", include("fairhire.reference.urls")),
    path("", include("fairhire.orgs.urls")),
    path("ledger/", include("fairhire.ledger.urls")),
    path("", include("fairhire.privacy.urls")),
    path("", include("fairhire.profiles.urls")),
    path("", include("fairhire.screening.urls")),
    path("", include("fairhire.search.urls")),
    path("", include("fairhire.postings.urls")),
    path("", include("fairhire.applications.urls")),
    path("", include("fairhire.complaints.urls")),
    path("tasks/<uuid:task_id>/", core_views.task_detail, name="task-detail"),
    path("tasks/<uuid:task_id>/download/", core_views.task_download, name="task-download"),
    path("notifications/", core_views.notification_list, name="notification-list"),
    path("notifications/<int:notification_id>/read/", core_views.notification_read,
         name="notification-read"),
    path("notifications/read-all/", core_views.notifications_read_all,
         name="notifications-read-all"),
    path("api/v1/", api.urls),
]
