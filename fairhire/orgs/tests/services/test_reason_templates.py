"""Reason templates: kept by operators and reviewers, offered when deciding."""

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, PermissionDenied
from fairhire.core.models import AuditEvent
from fairhire.orgs.models import ArchiveEntry, Organisation
from fairhire.orgs.services import organisation_decide, organisation_submit, reason_template_save
from fairhire.orgs.tests.factories import make_org, owner_of, upload_required

pytestmark = pytest.mark.django_db


def submitted():
    org = make_org()
    upload_required(org)
    return organisation_submit(actor=owner_of(org), organisation=org)


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.REVIEWER])
def test_operators_and_reviewers_keep_reason_templates(role):
    keeper = make_user(role)
    template = reason_template_save(actor=keeper, title="执照模糊", text="营业执照扫描件不清晰。")
    reason_template_save(actor=keeper, template=template, title="执照模糊",
                         text="营业执照扫描件不清晰，请重新上传。", active=False)
    template.refresh_from_db()
    assert (template.text, template.active) == ("营业执照扫描件不清晰，请重新上传。", False)
    assert AuditEvent.objects.filter(action=AuditAction.ORG_REASON_TEMPLATE_SAVED).count() == 2


@pytest.mark.parametrize("role", [Role.EMPLOYER_STAFF, Role.SEEKER, Role.INSPECTOR])
def test_others_may_not_keep_reason_templates(role):
    with pytest.raises(PermissionDenied):
        reason_template_save(actor=make_user(role), title="t", text="x")
    assert not AuditEvent.objects.filter(action=AuditAction.ORG_REASON_TEMPLATE_SAVED).exists()


@pytest.mark.req("R25")
def test_a_reviewer_rejects_with_a_template_and_the_archive_quotes_it():
    org = submitted()
    reviewer = make_user(Role.REVIEWER)
    template = reason_template_save(actor=make_user(Role.OPERATOR), title="简章不全",
                                    text="招聘简章缺少工作地点和薪酬。")
    organisation_decide(actor=reviewer, organisation=org, decision="reject",
                        template_id=template.pk, reason="见第二页。")
    entry = org.archive.get(kind=ArchiveEntry.Kind.REJECTED)
    assert entry.reason == "招聘简章缺少工作地点和薪酬。\n见第二页。"
    assert entry.details["template"] == template.pk


def test_a_retired_template_cannot_be_chosen_and_a_reason_is_still_required():
    org = submitted()
    reviewer = make_user(Role.REVIEWER)
    retired = reason_template_save(actor=reviewer, title="旧", text="旧理由", active=False)
    with pytest.raises(InvalidInput) as refused:
        organisation_decide(actor=reviewer, organisation=org, decision="reject",
                            template_id=retired.pk)
    assert refused.value.field == "template_id"
    with pytest.raises(InvalidInput) as refused:
        organisation_decide(actor=reviewer, organisation=org, decision="request_info")
    assert refused.value.code == "orgs.reason_required"
    org.refresh_from_db()
    assert org.status == Organisation.Status.PENDING
