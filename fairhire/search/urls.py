from django.urls import path

from fairhire.search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/postings/<int:posting_id>/", views.search_result, name="search-result"),
    path("me/recommendations/", views.recommendations, name="search-recommendations"),
    path("me/saved-searches/", views.saved_searches, name="search-saved-list"),
    path("me/saved-searches/<int:saved_id>/", views.saved_search_run, name="search-saved-run"),
    path("me/saved-searches/<int:saved_id>/delete/", views.saved_search_delete,
         name="search-saved-delete"),
    path("me/postings/<int:posting_id>/candidates/", views.posting_candidates,
         name="search-posting-candidates"),
    path("me/key-group/", views.key_group, name="search-key-group"),
    path("me/key-group/withdraw/", views.key_group_withdraw, name="search-key-group-withdraw"),
    path("operator/match-weights/", views.match_weights, name="search-match-weights"),
]
