from django.urls import path

from fairhire.postings import views

urlpatterns = [
    path("postings/", views.posting_list, name="posting-list"),
    path("postings/<int:posting_id>/", views.posting_detail, name="posting-detail"),
    path("me/postings/", views.posting_mine, name="posting-mine"),
    path("me/postings/new/", views.posting_create, name="posting-create"),
    path("me/postings/import/", views.posting_import, name="posting-import"),
    path("me/postings/<int:posting_id>/edit/", views.posting_edit, name="posting-edit"),
    path("me/postings/<int:posting_id>/close/", views.posting_close, name="posting-close"),
    path("me/postings/<int:posting_id>/withdraw/", views.posting_withdraw,
         name="posting-withdraw"),
    path("me/postings/<int:posting_id>/confirm/", views.posting_confirm, name="posting-confirm"),
    path("me/entrustments/", views.entrustment_list, name="entrustment-list"),
    path("me/entrustments/<int:entrustment_id>/revoke/", views.entrustment_revoke,
         name="entrustment-revoke"),
    path("review/postings/", views.review_queue, name="review-posting-queue"),
    path("review/postings/<int:posting_id>/", views.review_detail, name="review-posting-detail"),
    path("review/postings/<int:posting_id>/decision/", views.review_decide,
         name="review-posting-decide"),
    path("review/postings/<int:posting_id>/flags/<int:flag_id>/accept/",
         views.review_flag_accept, name="review-posting-flag-accept"),
]
