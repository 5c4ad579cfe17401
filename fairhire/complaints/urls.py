from django.urls import path

from fairhire.complaints import views

urlpatterns = [
    path("complaints/new/", views.complaint_create, name="complaint-create"),
    path("complaints/track/", views.complaint_track, name="complaint-track"),
    path("complaints/<int:complaint_id>/", views.complaint_detail, name="complaint-detail"),
    path("complaints/evidence/<int:evidence_id>/", views.evidence_download,
         name="complaint-evidence"),
    path("me/complaints/", views.complaint_mine, name="complaint-mine"),
    path("operator/complaints/", views.complaint_queue, name="complaint-queue"),
    path("operator/complaints/<int:complaint_id>/transition/", views.complaint_transition,
         name="complaint-transition"),
    path("operator/complaints/<int:complaint_id>/assign/", views.complaint_assign,
         name="complaint-assign"),
    path("operator/complaints/<int:complaint_id>/suspend-posting/",
         views.complaint_suspend_posting, name="complaint-suspend-posting"),
    path("operator/complaints/<int:complaint_id>/reinstate-posting/",
         views.complaint_reinstate_posting, name="complaint-reinstate-posting"),
    path("operator/referrals/", views.referral_list, name="referral-list"),
    path("agreements/", views.agreement_archive, name="agreement-archive"),
    path("agreements/accept/", views.agreement_accept, name="agreement-accept"),
    path("agreements/<int:version_id>/", views.agreement_detail, name="agreement-detail"),
    path("operator/agreements/", views.agreement_publish, name="agreement-publish"),
    path("me/evaluations/<int:invite_id>/", views.evaluation_form, name="evaluation-form"),
    path("operator/evaluations/", views.evaluation_results, name="evaluation-results"),
    path("operator/questionnaires/", views.questionnaire_edit, name="questionnaire-edit"),
    path("fees/", views.platform_fees, name="platform-fees"),
    path("operator/fees/", views.platform_fees_edit, name="platform-fees-edit"),
]
