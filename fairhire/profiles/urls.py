from django.urls import path

from fairhire.profiles import views

urlpatterns = [
    path("seekers/sign-up/", views.seeker_sign_up, name="seeker-sign-up"),
    path("seekers/<int:profile_id>/", views.seeker_detail, name="seeker-detail"),
    path("me/resumes/", views.resume_list, name="resume-list"),
    path("me/resumes/new/", views.resume_edit, name="resume-create"),
    path("me/resumes/<int:resume_id>/", views.resume_edit, name="resume-edit"),
    path("me/resumes/<int:resume_id>/delete/", views.resume_delete, name="resume-delete"),
    path("me/gig-card/", views.gig_card_edit, name="gig-card-edit"),
    path("me/data/", views.my_data, name="my-data"),
    path("me/data/download/", views.my_data_download, name="my-data-download"),
    path("me/consents/<str:kind>/give/", views.consent_give, name="consent-give"),
    path("me/consents/<str:kind>/withdraw/", views.consent_withdraw, name="consent-withdraw"),
    path("me/close/", views.account_close, name="account-close"),
    path("me/identity-images/", views.identity_images, name="identity-image-list"),
    path("me/identity-images/<str:side>/", views.identity_image_download,
         name="identity-image-download"),
    path("me/identity-images/<str:side>/delete/", views.identity_image_delete,
         name="identity-image-delete"),
    path("seekers/<int:profile_id>/identity-images/<str:side>/",
         views.seeker_identity_image, name="seeker-identity-image"),
]
