from django.urls import path

from fairhire.orgs import views

urlpatterns = [
    path("employers/register/", views.employer_register, name="employer-register"),
    path("orgs/mine/", views.my_organisation, name="org-mine"),
    path("orgs/<int:org_id>/", views.org_detail, name="org-detail"),
    path("orgs/<int:org_id>/documents/", views.document_upload, name="org-document-upload"),
    path("orgs/<int:org_id>/submit/", views.org_submit, name="org-submit"),
    path("orgs/<int:org_id>/members/", views.member_invite, name="org-member-invite"),
    path("orgs/<int:org_id>/archive/", views.archive, name="org-archive"),
    path("documents/<int:document_id>/", views.document_download, name="document-download"),
    path("review/orgs/", views.review_queue, name="review-queue"),
    path("review/orgs/<int:org_id>/decision/", views.review_decide, name="review-decide"),
    path("registry/agencies/", views.registry, name="registry-agencies"),
    path("agencies/<int:org_id>/", views.storefront, name="agency-storefront"),
    path("licences/", views.licences, name="licences"),
    path("agencies/register/", views.agency_register, name="agency-register"),
    path("agencies/<int:org_id>/changes/", views.agency_changes, name="agency-changes"),
    path("agencies/<int:org_id>/fees/", views.agency_fees, name="agency-fees"),
    path("orgs/<int:org_id>/licences/renew/", views.licence_renew, name="org-licence-renew"),
    path("operator/licences/", views.platform_licences_edit, name="platform-licences-edit"),
    path("review/reason-templates/", views.reason_templates, name="reason-templates"),
    path("review/reason-templates/<int:template_id>/", views.reason_template_edit,
         name="reason-template-edit"),
]
