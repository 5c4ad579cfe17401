import json
from datetime import timedelta

import pytest
from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied, RuleViolation
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import ArchiveEntry, Document, Organisation, OrgKind
from fairhire.orgs.selectors import review_queue
from fairhire.orgs.services import (
    document_upload,
    organisation_decide,
    organisation_submit,
)
from fairhire.orgs.tests.factories import make_org, owner_of, pdf_bytes, upload_required

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def submitted(kind=OrgKind.EMPLOYER, now=NOW, **overrides):
    org = make_org(kind, now=now, **overrides)
    upload_required(org, now=now)
    return organisation_submit(actor=owner_of(org), organisation=org, now=now)


@pytest.mark.req("R17.1")
def test_an_employer_cannot_submit_without_licence_authorisation_and_brochure():
    org = make_org()
    with pytest.raises(RuleViolation) as refused:
        organisation_submit(actor=owner_of(org), organisation=org)
    for label in ("营业执照 / 批准成立文件", "经办人授权委托书", "招聘简章"):
        assert label in refused.value.message


@pytest.mark.req("R17.2")
def test_an_employer_recruiting_foreigners_must_upload_the_foreign_employment_documents():
    org = make_org(recruits_foreigners=True)
    for kind in ("approval_document", "authorisation_letter", "brochure"):
        document_upload(actor=owner_of(org), organisation=org, kind=kind, filename="a.pdf",
                        data=pdf_bytes())
    with pytest.raises(RuleViolation) as refused:
        organisation_submit(actor=owner_of(org), organisation=org)
    assert refused.value.message.count("、") == 0 and "外国人工作许可材料" in refused.value.message


@pytest.mark.req("R17.1")
@pytest.mark.req("R25")
def test_a_reviewer_approves_and_the_archive_records_who_when_and_which_versions():
    org = submitted()
    reviewer = make_user(Role.REVIEWER)
    organisation_decide(actor=reviewer, organisation=org, decision="approve", now=NOW)
    org.refresh_from_db()
    assert org.status == Organisation.Status.VERIFIED
    today = timezone.localdate(NOW)
    assert (org.reverify_due - today).days in range(180, 185)
    entry = org.archive.get(kind=ArchiveEntry.Kind.APPROVED)
    assert (entry.actor, entry.at) == (reviewer, NOW)
    versions = {(d["kind"], d["version"], d["sha256"]) for d in entry.documents}
    assert versions == {(d.kind, d.version, d.sha256) for d in org.documents.all()}
    assert AuditEvent.objects.get(action=AuditAction.ORG_APPROVED).actor_id == reviewer.pk


@pytest.mark.req("R26")
def test_every_archive_step_is_sealed_in_the_ledger_with_the_versions_reviewed():
    from fairhire.ledger.models import Entry
    from fairhire.ledger.services import ledger_verify

    org = submitted()
    organisation_decide(actor=make_user(Role.REVIEWER), organisation=org, decision="approve",
                        now=NOW)
    kinds = list(Entry.objects.filter(object_model="organisation", object_pk=str(org.pk))
                 .order_by("seq").values_list("kind", flat=True))
    assert kinds[0] == "orgs.archive.registered"
    assert kinds[-1] == "orgs.archive.approved"
    approved = Entry.objects.get(kind="orgs.archive.approved", object_pk=str(org.pk))
    sealed = json.loads(approved.body.text)
    assert [d["sha256"] for d in sealed["documents"]] == [
        d["sha256"] for d in org.archive.get(kind=ArchiveEntry.Kind.APPROVED).documents]
    assert ledger_verify().ok


@pytest.mark.req("R17.1")
def test_reject_then_correct_then_approve_keeps_both_decisions_with_their_own_versions(
        mailoutbox, django_capture_on_commit_callbacks):
    org = submitted()
    reviewer = make_user(Role.REVIEWER)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_decide(actor=reviewer, organisation=org, decision="reject",
                            reason="营业执照模糊不清", now=NOW)
    assert "营业执照模糊不清" in mailoutbox[0].body
    assert mailoutbox[0].to == [owner_of(org).email]
    corrected = document_upload(actor=owner_of(org), organisation=org,
                                kind=Document.Kind.BUSINESS_LICENCE, filename="清晰版.pdf",
                                data=pdf_bytes("clear"))
    organisation_submit(actor=owner_of(org), organisation=org)
    organisation_decide(actor=reviewer, organisation=org, decision="approve")
    rejected, approved = (org.archive.get(kind=k) for k in ("rejected", "approved"))
    assert rejected.reason == "营业执照模糊不清"
    licence_versions = [[d["version"] for d in e.documents if d["kind"] == "business_licence"]
                        for e in (rejected, approved)]
    assert licence_versions == [[1], [corrected.version]] == [[1], [2]]


@pytest.mark.parametrize("decision", ["reject", "request_info"])
def test_a_refusal_needs_a_reason(decision):
    org = submitted()
    with pytest.raises(InvalidInput) as refused:
        organisation_decide(actor=make_user(Role.REVIEWER), organisation=org, decision=decision,
                            reason="  ")
    assert refused.value.field == "reason"
    org.refresh_from_db()
    assert org.status == Organisation.Status.PENDING


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.INSPECTOR, Role.OPERATOR])
def test_only_reviewers_decide(role):
    org = submitted()
    with pytest.raises(PermissionDenied):
        organisation_decide(actor=make_user(role), organisation=org, decision="approve")
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_APPROVED).exists()


def test_the_queue_is_oldest_first_and_filters_by_type_and_region():
    old = submitted(now=NOW - timedelta(days=3))
    agency = submitted(OrgKind.AGENCY, now=NOW - timedelta(days=2))
    beijing = submitted(now=NOW - timedelta(days=1), region_code="110105")
    make_org()  # a draft is not in the queue
    reviewer = make_user(Role.REVIEWER)
    assert list(review_queue(actor=reviewer)) == [old, agency, beijing]
    assert list(review_queue(actor=reviewer, kind=OrgKind.AGENCY)) == [agency]
    assert list(review_queue(actor=reviewer, region="14")) == [old, agency]
    with pytest.raises(PermissionDenied):
        review_queue(actor=make_user(Role.SEEKER))
