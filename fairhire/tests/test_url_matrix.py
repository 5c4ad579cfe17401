"""Every URL × method × role has an expected answer (SECURITY.md control 6).

A URL name that is missing from ``MATRIX`` fails the test, so a new page or endpoint cannot ship
without someone deciding who may reach it. Ids in sample paths do not exist: an entitled role
gets 404 (or a form error), everyone else is refused before the lookup.
"""

import uuid

import pytest
from django.test import Client
from django.urls import get_resolver

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client

pytestmark = pytest.mark.django_db

ANON = "anonymous"
ROLES = [ANON, *Role.values]
MISSING = 999_999
MISSING_UUID = uuid.UUID(int=7)


def public(status=200):
    return lambda role: status


def page_for(*roles, ok=200, others=403):
    """A page behind sign-in: anonymous is sent to sign in; ``roles`` (or everyone) get ``ok``."""
    return lambda role: 302 if role == ANON else ok if not roles or role in roles else others


def api_for(*roles, ok=200, others=403):
    return lambda role: 401 if role == ANON else ok if not roles or role in roles else others


SEC, AUD, REV, EMP = Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.REVIEWER, Role.EMPLOYER_STAFF
SEEK = Role.SEEKER
NOBODY = page_for(ok=404, others=404)  # missing ids look the same to everyone
NOBODY_API = api_for(ok=404, others=404)
BAD_BODY = api_for(ok=422, others=422)  # an empty body is refused before any look-up
MINE = page_for(SEEK, ok=404)  # a seeker's own pages
MINE_API = api_for(SEEK, ok=404)

# url name: (method, sample path, expected status per role)
MATRIX = {
    "home": ("GET", "/", public()),
    "set-language": ("POST", "/i18n/setlang/", public(302)),
    "account-sign-up": ("GET", "/accounts/sign-up/", public()),
    "account-sign-in": ("GET", "/accounts/sign-in/", public()),
    "account-sign-in-otp": ("GET", "/accounts/sign-in/code/", public(302)),
    "account-sign-out": ("POST", "/accounts/sign-out/", public(302)),
    "account-settings": ("GET", "/accounts/settings/", page_for()),
    "account-password-change": ("GET", "/accounts/password/", page_for()),
    "account-password-reset": ("GET", "/accounts/password/reset/", public()),
    "password_reset_confirm": ("GET", "/accounts/password/reset/MQ/bad-token/", public()),
    "account-otp-setup": ("GET", "/accounts/otp/", page_for()),
    "account-recovery-codes": ("POST", "/accounts/otp/recovery-codes/", page_for(ok=302)),
    "token-create": ("POST", "/accounts/tokens/", page_for(ok=302)),
    "token-revoke": ("POST", f"/accounts/tokens/{MISSING}/revoke/", page_for(ok=404, others=404)),
    "audit-list": ("GET", "/accounts/audit/", page_for(AUD)),
    "audit-export": ("POST", "/accounts/audit/export/", page_for(AUD, ok=302)),
    "user-list": ("GET", "/accounts/users/", page_for(SEC)),
    "user-role": ("POST", f"/accounts/users/{MISSING}/role/", page_for(SEC, ok=404)),
    "user-active": ("POST", f"/accounts/users/{MISSING}/active/", page_for(SEC, ok=404)),
    "lockout-release": ("POST", "/accounts/users/unlock/", page_for(SEC, ok=302)),
    "task-detail": ("GET", f"/tasks/{MISSING_UUID}/", page_for(ok=404, others=404)),
    "task-download": ("GET", f"/tasks/{MISSING_UUID}/download/", page_for(ok=404, others=404)),
    "notification-list": ("GET", "/notifications/", page_for()),
    "notification-read": ("POST", f"/notifications/{MISSING}/read/", NOBODY),
    "notifications-read-all": ("POST", "/notifications/read-all/", page_for(ok=302)),
    "openapi-json": ("GET", "/api/v1/openapi.json", public()),
    "openapi-view": ("GET", "/api/v1/docs", public()),
    "api-root": ("GET", "/api/v1/", public(404)),
    "api-auth-token": ("POST", "/api/v1/auth/token", public(422)),
    "api-me": ("GET", "/api/v1/me", api_for()),
    "api-token-list": ("GET", "/api/v1/tokens", api_for()),
    "api-token-create": ("POST", "/api/v1/tokens", api_for(ok=422, others=422)),
    "api-token-revoke": ("DELETE", f"/api/v1/tokens/{MISSING}", api_for(ok=404, others=404)),
    "api-audit-list": ("GET", "/api/v1/audit/events", api_for(AUD)),
    "api-audit-export": ("POST", "/api/v1/audit/exports", api_for(AUD, ok=202)),
    "api-user-role": ("POST", f"/api/v1/admin/users/{MISSING}/role",
                      api_for(ok=422, others=422)),
    "api-user-active": ("POST", f"/api/v1/admin/users/{MISSING}/active",
                        api_for(ok=422, others=422)),
    "api-task-progress": ("GET", f"/api/v1/tasks/{MISSING_UUID}", api_for(ok=404, others=404)),
    "api-my-notifications": ("GET", "/api/v1/me/notifications", api_for()),
    "api-notification-read": ("POST", f"/api/v1/me/notifications/{MISSING}/read", NOBODY_API),
    # orgs
    "employer-register": ("GET", "/employers/register/", page_for(EMP)),
    "org-mine": ("GET", "/orgs/mine/", page_for(ok=302, others=302)),
    "org-detail": ("GET", f"/orgs/{MISSING}/", NOBODY),
    "org-document-upload": ("POST", f"/orgs/{MISSING}/documents/", NOBODY),
    "org-submit": ("POST", f"/orgs/{MISSING}/submit/", NOBODY),
    "org-member-invite": ("POST", f"/orgs/{MISSING}/members/", NOBODY),
    "org-archive": ("GET", f"/orgs/{MISSING}/archive/", NOBODY),
    "document-download": ("GET", f"/documents/{MISSING}/", NOBODY),
    "review-queue": ("GET", "/review/orgs/", page_for(REV)),
    "review-decide": ("POST", f"/review/orgs/{MISSING}/decision/", NOBODY),
    "registry-agencies": ("GET", "/registry/agencies/", public()),
    "agency-storefront": ("GET", f"/agencies/{MISSING}/", public(404)),
    "licences": ("GET", "/licences/", public()),
    "api-employer-register": ("POST", "/api/v1/employers", BAD_BODY),
    "api-agency-register": ("POST", "/api/v1/agencies", BAD_BODY),
    "api-org-detail": ("GET", f"/api/v1/orgs/{MISSING}", NOBODY_API),
    "api-org-document-upload": ("POST", f"/api/v1/orgs/{MISSING}/documents", BAD_BODY),
    "api-org-submit": ("POST", f"/api/v1/orgs/{MISSING}/submit", NOBODY_API),
    "api-review-queue": ("GET", "/api/v1/review/orgs", api_for(REV)),
    "api-review-decision": ("POST", f"/api/v1/review/orgs/{MISSING}/decision", BAD_BODY),
    "api-agency-change": ("POST", f"/api/v1/agencies/{MISSING}/changes", BAD_BODY),
    "api-registry-agencies": ("GET", "/api/v1/registry/agencies", public()),
    # reference: national code tables hold no personal data and are open to all
    "reference-index": ("GET", "/reference/", public()),
    "reference-browse": ("GET", "/reference/regions/", public()),
    "reference-pick": ("GET", "/reference/regions/pick/?q=bj", public()),
    "api-reference-versions": ("GET", "/api/v1/reference/versions", public()),
    "api-reference-search": ("GET", "/api/v1/reference/regions?q=bj", public()),
    "api-reference-detail": ("GET", f"/api/v1/reference/regions/{MISSING}", public(404)),
    "api-reference-region-resolve": ("GET", f"/api/v1/reference/regions/{MISSING}/resolve",
                                     public(404)),
    # profiles (seekers made here have no real-name profile: their own pages answer 404)
    "seeker-sign-up": ("GET", "/seekers/sign-up/", public()),
    "seeker-detail": ("GET", f"/seekers/{MISSING}/", NOBODY),
    "resume-list": ("GET", "/me/resumes/", MINE),
    "resume-create": ("GET", "/me/resumes/new/", MINE),
    "resume-edit": ("GET", f"/me/resumes/{MISSING}/", page_for(SEEK, ok=404)),
    "resume-delete": ("POST", f"/me/resumes/{MISSING}/delete/", NOBODY),
    "gig-card-edit": ("GET", "/me/gig-card/", MINE),
    "my-data": ("GET", "/me/data/", MINE),
    "my-data-download": ("GET", "/me/data/download/", MINE),
    "consent-give": ("POST", "/me/consents/resume_sending/give/", MINE),
    "consent-withdraw": ("POST", "/me/consents/general/withdraw/", MINE),
    "account-close": ("GET", "/me/close/", MINE),
    "api-seeker-sign-up": ("POST", "/api/v1/seekers", public(422)),
    "api-seeker-identity": ("GET", f"/api/v1/seekers/{MISSING}", NOBODY_API),
    "api-resume-list": ("GET", "/api/v1/me/resumes", MINE_API),
    "api-resume-create": ("POST", "/api/v1/me/resumes", BAD_BODY),
    "api-resume-get": ("GET", f"/api/v1/me/resumes/{MISSING}", NOBODY_API),
    "api-resume-put": ("PUT", f"/api/v1/me/resumes/{MISSING}", BAD_BODY),
    "api-resume-delete": ("DELETE", f"/api/v1/me/resumes/{MISSING}", NOBODY_API),
    "api-gig-card-get": ("GET", "/api/v1/me/gig-card", MINE_API),
    "api-gig-card-put": ("PUT", "/api/v1/me/gig-card", BAD_BODY),
    "api-my-data": ("GET", "/api/v1/me/data", MINE_API),
    "api-my-profile-correct": ("PUT", "/api/v1/me/profile", MINE_API),
    "api-consent-give": ("POST", "/api/v1/me/consents/resume_sending", MINE_API),
    "api-consent-withdraw": ("POST", "/api/v1/me/consents/general/withdraw", MINE_API),
    "api-account-close": ("POST", "/api/v1/me/close", MINE_API),
    "identity-image-list": ("GET", "/me/identity-images/", MINE),
    "identity-image-download": ("GET", "/me/identity-images/front/", MINE),
    "identity-image-delete": ("POST", "/me/identity-images/front/delete/", MINE),
    "seeker-identity-image": ("POST", f"/seekers/{MISSING}/identity-images/front/", NOBODY),
    "api-identity-image-list": ("GET", "/api/v1/me/identity-images", MINE_API),
    "api-identity-image-upload": ("POST", "/api/v1/me/identity-images/front", BAD_BODY),
    "api-identity-image-download": ("GET", "/api/v1/me/identity-images/front", MINE_API),
    "api-identity-image-delete": ("DELETE", "/api/v1/me/identity-images/front", MINE_API),
    "api-seeker-identity-image": ("GET", f"/api/v1/seekers/{MISSING}/identity-images/front",
                                  NOBODY_API),
    # privacy
    "pi-access-log": ("GET", "/privacy/access-log/", page_for(AUD)),
    "self-inspection-list": ("GET", "/privacy/self-inspections/", page_for(SEC, AUD)),
    "self-inspection-detail": ("GET", "/privacy/self-inspections/1999/",
                               page_for(SEC, AUD, ok=404)),
    "api-pi-access-log": ("GET", "/api/v1/privacy/access-log", api_for(AUD)),
    "api-pi-export-list": ("GET", "/api/v1/privacy/exports", api_for(AUD)),
    "api-transfer-approval-create": ("POST", "/api/v1/privacy/transfer-approvals", BAD_BODY),
    "api-self-inspection-get": ("GET", "/api/v1/privacy/self-inspections/1999",
                                api_for(SEC, AUD, ok=404)),
    # ledger: the public can check the log (Regulation Art. 26; SECURITY.md control 20)
    "ledger-home": ("GET", "/ledger/", public()),
    "api-ledger-checkpoint": ("GET", "/api/v1/ledger/checkpoint", public(404)),
    "api-ledger-inclusion": ("GET", "/api/v1/ledger/proof/inclusion?entry=0", public(400)),
    "api-ledger-consistency": ("GET", "/api/v1/ledger/proof/consistency?first=0", public()),
    "api-ledger-object": ("GET", f"/api/v1/ledger/objects/orgs.organisation/{MISSING}",
                          public(404)),
    "api-ledger-cosign": ("POST", "/api/v1/ledger/cosignatures", public(422)),
    # screening: operators tune the ruleset; anyone signed in may check a text
    "screening-operator": ("GET", "/operator/screening/", page_for(Role.OPERATOR)),
    "screening-term-add": ("POST", "/operator/screening/terms/",
                           page_for(Role.OPERATOR, ok=400)),
    "screening-term-disable": ("POST", "/operator/screening/disabled-terms/",
                               page_for(Role.OPERATOR, ok=400)),
    "screening-lawful-phrase-add": ("POST", "/operator/screening/lawful-phrases/",
                                    page_for(Role.OPERATOR, ok=400)),
    "screening-change-withdraw": ("POST", "/operator/screening/withdrawals/",
                                  page_for(Role.OPERATOR, ok=400)),
    "screening-try": ("POST", "/operator/screening/try/", page_for(Role.OPERATOR, ok=400)),
    "api-screening-check": ("POST", "/api/v1/screening/check", BAD_BODY),
    "api-screening-overrides": ("GET", "/api/v1/operator/screening/terms",
                                api_for(Role.OPERATOR)),
    "api-screening-term-add": ("POST", "/api/v1/operator/screening/terms", BAD_BODY),
    "api-screening-term-disable": ("POST", "/api/v1/operator/screening/disabled-terms",
                                   BAD_BODY),
    "api-screening-lawful-phrase-add": ("POST", "/api/v1/operator/screening/lawful-phrases",
                                        BAD_BODY),
    "api-screening-change-withdraw": ("POST", "/api/v1/operator/screening/withdrawals",
                                      BAD_BODY),
    "api-screening-change-list": ("GET", "/api/v1/operator/screening/changes",
                                  api_for(Role.OPERATOR)),
    # orgs (more)
    "agency-register": ("GET", "/agencies/register/", page_for(Role.AGENCY_STAFF)),
    "agency-changes": ("GET", f"/agencies/{MISSING}/changes/", NOBODY),
    "agency-fees": ("GET", f"/agencies/{MISSING}/fees/", NOBODY),
    "org-licence-renew": ("GET", f"/orgs/{MISSING}/licences/renew/", NOBODY),
    "platform-licences-edit": ("GET", "/operator/licences/", page_for(Role.OPERATOR)),
    "reason-templates": ("GET", "/review/reason-templates/", page_for(REV, Role.OPERATOR)),
    "reason-template-edit": ("GET", f"/review/reason-templates/{MISSING}/",
                             page_for(REV, Role.OPERATOR, ok=404)),
    "api-reason-template-list": ("GET", "/api/v1/review/reason-templates",
                                 api_for(REV, Role.OPERATOR)),
    "api-agency-fees": ("PUT", f"/api/v1/agencies/{MISSING}/fees", BAD_BODY),
    "api-org-licence-renew": ("POST", f"/api/v1/orgs/{MISSING}/licences", BAD_BODY),
    # postings: published postings are public; drafts belong to their employer; reviewers decide
    "posting-list": ("GET", "/postings/", public()),
    "posting-detail": ("GET", f"/postings/{MISSING}/", public(404)),
    "posting-mine": ("GET", "/me/postings/", page_for()),
    "posting-create": ("GET", "/me/postings/new/", page_for(ok=403)),  # needs an organisation
    "posting-edit": ("GET", f"/me/postings/{MISSING}/edit/", NOBODY),
    "posting-close": ("POST", f"/me/postings/{MISSING}/close/", NOBODY),
    "posting-withdraw": ("POST", f"/me/postings/{MISSING}/withdraw/", NOBODY),
    "posting-confirm": ("POST", f"/me/postings/{MISSING}/confirm/", NOBODY),
    "review-posting-queue": ("GET", "/review/postings/", page_for(REV)),
    "review-posting-detail": ("GET", f"/review/postings/{MISSING}/", page_for(REV, ok=404)),
    "review-posting-decide": ("POST", f"/review/postings/{MISSING}/decision/", NOBODY),
    "review-posting-flag-accept": ("POST", f"/review/postings/{MISSING}/flags/1/accept/",
                                   NOBODY),
    "api-posting-create": ("POST", "/api/v1/postings", api_for(ok=403)),  # needs an organisation
    "api-posting-edit": ("PUT", f"/api/v1/postings/{MISSING}", NOBODY_API),
    "api-posting-submit": ("POST", f"/api/v1/postings/{MISSING}/submit", NOBODY_API),
    "api-posting-list": ("GET", "/api/v1/postings", public()),
    "api-posting-detail": ("GET", f"/api/v1/postings/{MISSING}", public(404)),
    "api-posting-review-queue": ("GET", "/api/v1/review/postings", api_for(REV)),
    "api-posting-review-decision": ("POST", f"/api/v1/review/postings/{MISSING}/decision",
                                    BAD_BODY),
    "api-posting-suspend": ("POST", f"/api/v1/review/postings/{MISSING}/suspend", BAD_BODY),
    "api-posting-reinstate": ("POST", f"/api/v1/review/postings/{MISSING}/reinstate", BAD_BODY),
    "screening-draft-check": ("GET", "/screening/check/", page_for()),
    "api-posting-versions": ("GET", f"/api/v1/postings/{MISSING}/versions", NOBODY_API),
    "api-posting-close": ("POST", f"/api/v1/postings/{MISSING}/close", NOBODY_API),
    "posting-import": ("GET", "/me/postings/import/", page_for(ok=403)),  # needs an organisation
    "api-posting-import": ("POST", "/api/v1/postings/import", BAD_BODY),  # no file sent
    "api-posting-import-report": ("GET", f"/api/v1/postings/import/{MISSING_UUID}",
                                  NOBODY_API),
    "api-posting-patch": ("PATCH", f"/api/v1/postings/{MISSING}", NOBODY_API),
    "entrustment-list": ("GET", "/me/entrustments/", page_for(ok=403)),  # needs an organisation
    "entrustment-revoke": ("POST", f"/me/entrustments/{MISSING}/revoke/", NOBODY),
    "api-entrustment-list": ("GET", "/api/v1/entrustments", api_for()),
    "api-entrustment-grant": ("POST", "/api/v1/entrustments", BAD_BODY),
    "api-entrustment-revoke": ("POST", f"/api/v1/entrustments/{MISSING}/revoke", NOBODY_API),
    # applications: a seeker's own, the handling organisation's, reviewers' and operators' queues
    "application-apply": ("GET", f"/postings/{MISSING}/apply/", NOBODY),
    "application-mine": ("GET", "/me/applications/", MINE),
    "application-detail": ("GET", f"/applications/{MISSING}/", NOBODY),
    "application-transition": ("POST", f"/applications/{MISSING}/transition/", NOBODY),
    "application-share-contact": ("POST", f"/applications/{MISSING}/share-contact/", NOBODY),
    "message-send": ("POST", f"/applications/{MISSING}/messages/", NOBODY),
    "message-report": ("POST", f"/messages/{MISSING}/report/", NOBODY),
    "interview-create": ("GET", f"/applications/{MISSING}/interviews/new/", NOBODY),
    "interview-reschedule": ("GET", f"/interviews/{MISSING}/reschedule/", NOBODY),
    "interview-cancel": ("POST", f"/interviews/{MISSING}/cancel/", NOBODY),
    "interview-respond": ("POST", f"/interviews/{MISSING}/respond/", NOBODY),
    "interview-ics": ("GET", f"/interviews/{MISSING}/calendar.ics", NOBODY),
    "applicant-postings": ("GET", "/me/applicants/", page_for(EMP, Role.AGENCY_STAFF)),
    "application-board": ("GET", f"/me/postings/{MISSING}/applicants/", NOBODY),
    "application-bulk-reject": ("POST", f"/me/postings/{MISSING}/applicants/reject/", NOBODY),
    "posting-analytics": ("GET", f"/me/postings/{MISSING}/analytics/", NOBODY),
    "message-review-queue": ("GET", "/review/messages/", page_for(REV)),
    "message-review-decide": ("POST", f"/review/messages/{MISSING}/decision/",
                              page_for(REV, ok=404)),
    "follow-up-list": ("GET", "/operator/follow-ups/", page_for(Role.OPERATOR)),
    "follow-up-record": ("POST", f"/operator/follow-ups/{MISSING}/",
                         page_for(Role.OPERATOR, ok=404)),
    "api-application-create": ("POST", f"/api/v1/postings/{MISSING}/applications", BAD_BODY),
    "api-my-applications": ("GET", "/api/v1/me/applications", api_for(SEEK)),
    "api-posting-applications": ("GET", f"/api/v1/postings/{MISSING}/applications",
                                 NOBODY_API),
    "api-application-bulk-reject": ("POST", f"/api/v1/postings/{MISSING}/applications/reject",
                                    BAD_BODY),
    "api-posting-analytics": ("GET", f"/api/v1/postings/{MISSING}/analytics", NOBODY_API),
    "api-application-detail": ("GET", f"/api/v1/applications/{MISSING}", NOBODY_API),
    "api-application-transition": ("POST", f"/api/v1/applications/{MISSING}/transition",
                                   BAD_BODY),
    "api-application-share-contact": ("POST", f"/api/v1/applications/{MISSING}/share-contact",
                                      NOBODY_API),
    "api-interview-create": ("POST", f"/api/v1/applications/{MISSING}/interviews", BAD_BODY),
    "api-interview-respond": ("POST", f"/api/v1/interviews/{MISSING}/respond", BAD_BODY),
    "api-interview-reschedule": ("POST", f"/api/v1/interviews/{MISSING}/reschedule", BAD_BODY),
    "api-interview-cancel": ("POST", f"/api/v1/interviews/{MISSING}/cancel", BAD_BODY),
    "api-interview-ics": ("GET", f"/api/v1/interviews/{MISSING}/ics", NOBODY_API),
    "api-message-list": ("GET", f"/api/v1/applications/{MISSING}/messages", NOBODY_API),
    "api-message-send": ("POST", f"/api/v1/applications/{MISSING}/messages", BAD_BODY),
    "api-message-report": ("POST", f"/api/v1/messages/{MISSING}/report", BAD_BODY),
    "api-message-review-queue": ("GET", "/api/v1/review/messages", api_for(REV)),
    "api-message-review-decision": ("POST", f"/api/v1/review/messages/{MISSING}/decision",
                                    BAD_BODY),
    "api-follow-up-list": ("GET", "/api/v1/operator/follow-ups", api_for(Role.OPERATOR)),
    "api-follow-up-record": ("POST", f"/api/v1/operator/follow-ups/{MISSING}", BAD_BODY),
    # complaints (issue 10): the public channel, complainants' own pages, operators' handling
    "complaint-create": ("GET", "/complaints/new/", page_for()),  # anonymous: postings only
    "complaint-detail": ("GET", f"/complaints/{MISSING}/", NOBODY),
    "complaint-track": ("GET", "/complaints/track/", public()),
    "api-complaint-track": ("POST", "/api/v1/complaints/track", public(422)),
    "complaint-evidence": ("GET", f"/complaints/evidence/{MISSING}/", NOBODY),
    "complaint-mine": ("GET", "/me/complaints/", page_for()),
    "complaint-queue": ("GET", "/operator/complaints/", page_for(Role.OPERATOR)),
    "complaint-transition": ("POST", f"/operator/complaints/{MISSING}/transition/", NOBODY),
    "complaint-assign": ("POST", f"/operator/complaints/{MISSING}/assign/", NOBODY),
    "api-complaint-assign": ("POST", f"/api/v1/operator/complaints/{MISSING}/assign", BAD_BODY),
    "complaint-suspend-posting": ("POST", f"/operator/complaints/{MISSING}/suspend-posting/",
                                  NOBODY),
    "complaint-reinstate-posting": ("POST",
                                    f"/operator/complaints/{MISSING}/reinstate-posting/", NOBODY),
    "referral-list": ("GET", "/operator/referrals/", page_for(Role.OPERATOR)),
    "agreement-archive": ("GET", "/agreements/", public()),
    "agreement-accept": ("GET", "/agreements/accept/", page_for(ok=302)),  # nothing pending
    "agreement-detail": ("GET", f"/agreements/{MISSING}/", public(404)),
    "agreement-publish": ("GET", "/operator/agreements/", page_for(Role.OPERATOR)),
    "evaluation-form": ("GET", f"/me/evaluations/{MISSING}/", NOBODY),
    "evaluation-results": ("GET", "/operator/evaluations/", page_for(Role.OPERATOR)),
    "questionnaire-edit": ("GET", "/operator/questionnaires/", page_for(Role.OPERATOR)),
    "platform-fees": ("GET", "/fees/", public()),
    "platform-fees-edit": ("GET", "/operator/fees/", page_for(Role.OPERATOR)),
    "api-complaint-challenge": ("GET", "/api/v1/complaints/challenge", public()),
    "api-complaint-create": ("POST", "/api/v1/complaints", public(422)),
    "api-complaint-evidence": ("POST", f"/api/v1/complaints/{MISSING}/evidence", BAD_BODY),
    "api-complaint-mine": ("GET", "/api/v1/me/complaints", api_for()),
    "api-complaint-detail": ("GET", f"/api/v1/complaints/{MISSING}", NOBODY_API),
    "api-complaint-queue": ("GET", "/api/v1/operator/complaints", api_for(Role.OPERATOR)),
    "api-complaint-transition": ("POST", f"/api/v1/operator/complaints/{MISSING}/transition",
                                 BAD_BODY),
    "api-complaint-suspend-posting": (
        "POST", f"/api/v1/operator/complaints/{MISSING}/suspend-posting", NOBODY_API),
    "api-agreement-list": ("GET", "/api/v1/agreements", public()),
    "api-agreement-pending": ("GET", "/api/v1/me/agreements/pending", api_for()),
    "api-agreement-accept": ("POST", f"/api/v1/agreements/{MISSING}/accept", NOBODY_API),
    "api-agreement-publish": ("POST", "/api/v1/operator/agreements", BAD_BODY),
    "api-evaluation-invites": ("GET", "/api/v1/me/evaluations", api_for()),
    "api-evaluation-submit": ("POST", "/api/v1/evaluations", BAD_BODY),
    "api-evaluation-results": ("GET", "/api/v1/operator/evaluations", api_for(Role.OPERATOR)),
    "api-platform-fees": ("GET", "/api/v1/platform-fees", public()),
    # search (issue 7): search is public; recommendations are a seeker's, candidates an
    # employer's own posting's, weights the operator's
    "search": ("GET", "/search/", public()),
    "search-result": ("GET", f"/search/postings/{MISSING}/", public(404)),
    "search-recommendations": ("GET", "/me/recommendations/", MINE),
    "search-saved-list": ("GET", "/me/saved-searches/", page_for()),
    "search-saved-run": ("GET", f"/me/saved-searches/{MISSING}/", NOBODY),
    "search-saved-delete": ("POST", f"/me/saved-searches/{MISSING}/delete/", NOBODY),
    "search-posting-candidates": ("GET", f"/me/postings/{MISSING}/candidates/", NOBODY),
    "search-match-weights": ("GET", "/operator/match-weights/", page_for(Role.OPERATOR)),
    "api-posting-search": ("GET", "/api/v1/postings/search", public()),
    "api-recommendations": ("GET", "/api/v1/me/recommendations", MINE_API),
    "api-recommendation-explain": ("GET", f"/api/v1/me/recommendations/{MISSING}", MINE_API),
    "api-posting-candidates": ("GET", f"/api/v1/postings/{MISSING}/candidates", NOBODY_API),
    "api-saved-search-list": ("GET", "/api/v1/me/saved-searches", api_for()),
    "api-saved-search-create": ("POST", "/api/v1/me/saved-searches", BAD_BODY),
    "api-saved-search-delete": ("DELETE", f"/api/v1/me/saved-searches/{MISSING}", NOBODY_API),
    "api-match-weights": ("GET", "/api/v1/operator/match-weights", api_for(Role.OPERATOR)),
    "api-match-weights-set": ("PUT", "/api/v1/operator/match-weights", BAD_BODY),
    "search-key-group": ("GET", "/me/key-group/", page_for()),
    "search-key-group-withdraw": ("POST", "/me/key-group/withdraw/", page_for(ok=404)),
    "api-key-group": ("PUT", "/api/v1/me/key-group", BAD_BODY),
    "api-key-group-withdraw": ("DELETE", "/api/v1/me/key-group", api_for(ok=404)),
    "api-posting-priority-candidates": ("GET", f"/api/v1/postings/{MISSING}/priority-candidates",
                                        NOBODY_API),
}


def url_names(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from url_names(pattern.url_patterns)
        elif pattern.name:
            yield pattern.name


def test_every_url_has_an_entry_in_the_matrix():
    missing = set(url_names(get_resolver().url_patterns)) - set(MATRIX)
    assert not missing, f"decide who may reach these and add them to MATRIX: {sorted(missing)}"


@pytest.mark.req("R20")
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_from_every_url(role):
    client = Client() if role == ANON else signed_in_client(make_user(role))
    wrong = []
    # Signing out last, so every other URL is tried with the role's session.
    for name, (method, path, expected) in sorted(MATRIX.items(),
                                                 key=lambda item: item[0] == "account-sign-out"):
        response = client.generic(method, path, "{}" if path.startswith("/api/") else "",
                                  content_type="application/json" if path.startswith("/api/")
                                  else "application/x-www-form-urlencoded")
        if response.status_code != expected(role):
            wrong.append((name, method, path, response.status_code, expected(role)))
    assert not wrong, wrong
