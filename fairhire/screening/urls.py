from django.urls import path

from fairhire.screening import views

urlpatterns = [
    path("operator/screening/", views.operator_page, name="screening-operator"),
    path("operator/screening/terms/", views.term_add, name="screening-term-add"),
    path("operator/screening/disabled-terms/", views.term_disable,
         name="screening-term-disable"),
    path("operator/screening/lawful-phrases/", views.lawful_phrase_add,
         name="screening-lawful-phrase-add"),
    path("operator/screening/withdrawals/", views.change_withdraw,
         name="screening-change-withdraw"),
    path("operator/screening/try/", views.operator_try, name="screening-try"),
    path("screening/check/", views.draft_check, name="screening-draft-check"),
]
