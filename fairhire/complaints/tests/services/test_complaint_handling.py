"""A complaint from receipt to its outcome: number, acknowledgement, owner, deadline, states,
history, the written answer, escalation and its export (Regulation Art. 23)."""

import csv
import io
import json
from datetime import timedelta

import pytest

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user, signed_in_client
from fairhire.complaints import selectors, services
from fairhire.complaints.models import Complaint, EvaluationInvite, Referral
from fairhire.complaints.tests.factories import NOW, make_complaint, make_operator
from fairhire.core.audit import AuditAction
from fairhire.core.errors import InvalidInput, NotFound, RuleViolation
from fairhire.core.models import AuditEvent, Notification
from fairhire.privacy.models import PiExport

pytestmark = pytest.mark.django_db
S = Complaint.Status


@pytest.mark.req("R23")
def test_a_complaint_runs_through_every_state_with_its_deadline_and_the_outcome_message():
    operator = make_operator()
    seeker = make_user(Role.SEEKER)
    complaint = make_complaint(actor=seeker, category="fraud")
    # received: a number, an acknowledgement, an owner and the fraud deadline of 3 days
    assert complaint.number.startswith("TS") and complaint.status == S.RECEIVED
    assert complaint.acknowledged_at == NOW and complaint.owner == operator
    assert complaint.deadline_at == NOW + timedelta(days=3)
    assert Notification.objects.get(recipient=seeker).title == f"投诉已收到：{complaint.number}"

    for step, note in [(S.ACCEPTED, ""), (S.INVESTIGATING, "已联系该单位核实。"),
                       (S.RESOLVED, "经核查，该单位存在虚假招聘行为，已下架其全部招聘信息。")]:
        complaint = services.complaint_transition(complaint=complaint, actor=operator,
                                                  to_status=step, note=note,
                                                  now=NOW + timedelta(days=1))
    assert complaint.status == S.RESOLVED and complaint.closed_at == NOW + timedelta(days=1)
    assert complaint.outcome.startswith("经核查")
    assert [e.to_status for e in complaint.events.all()] == [
        S.RECEIVED, S.ACCEPTED, S.INVESTIGATING, S.RESOLVED]
    told = Notification.objects.filter(recipient=seeker, kind="complaint").order_by("pk").last()
    assert told.title == f"投诉已办结：{complaint.number}" and told.body.startswith("经核查")
    assert AuditEvent.objects.filter(action=AuditAction.COMPLAINT_TRANSITIONED).count() == 3
    assert EvaluationInvite.objects.get(user=seeker).subject_kind == "complaint"
    # the complainant reads the outcome and the history on their page
    page = signed_in_client(seeker).get(f"/complaints/{complaint.pk}/").content.decode()
    assert "经核查，该单位存在虚假招聘行为" in page and "评价本次投诉处理" in page


@pytest.mark.req("R23")
@pytest.mark.parametrize("category, days", [("fraud", 3), ("fees", 3), ("discrimination", 15),
                                            ("other", 15)])
def test_the_deadline_depends_on_the_category(category, days):
    complaint = make_complaint(category=category)
    assert complaint.deadline_at - complaint.received_at == timedelta(days=days)


def test_operators_set_the_deadlines_in_settings(settings):
    settings.COMPLAINTS_DEADLINE_DAYS = {"default": 10, "discrimination": 5}
    assert make_complaint(category="discrimination").deadline_at == NOW + timedelta(days=5)
    assert make_complaint(category="other").deadline_at == NOW + timedelta(days=10)


@pytest.mark.req("R23")
def test_an_overdue_complaint_is_flagged_on_the_operators_queue():
    operator = make_operator()
    late = make_complaint(category="fees")  # 3 days
    on_time = make_complaint(category="other")  # 15 days
    later = NOW + timedelta(days=4)
    assert [c.pk for c in selectors.complaint_queue(actor=operator, overdue_only=True,
                                                    now=later)] == [late.pk]
    assert late.is_overdue(later) and not on_time.is_overdue(later)
    assert selectors.complaint_overdue_count(now=later) == 1
    # the page reads the real clock: the same complaints seen 20 days on are both late
    assert selectors.complaint_overdue_count(now=NOW + timedelta(days=20)) == 2
    done = services.complaint_transition(complaint=late, actor=operator,
                                         to_status=S.NOT_ACCEPTED, note="不属于平台受理范围。")
    assert not done.is_overdue(later)


def test_the_queue_page_shows_the_overdue_flag():
    operator = make_operator()
    make_complaint(category="fraud", now=NOW - timedelta(days=5))
    page = signed_in_client(operator).get("/operator/complaints/").content.decode()
    assert "有 1 件投诉已超过办结期限" in page and "已超期" in page


@pytest.mark.parametrize("to_status", [S.NOT_ACCEPTED])
def test_refusing_a_complaint_needs_a_reason(to_status):
    operator = make_operator()
    complaint = make_complaint()
    with pytest.raises(InvalidInput) as refused:
        services.complaint_transition(complaint=complaint, actor=operator, to_status=to_status)
    assert refused.value.code == "complaints.note_required"
    complaint.refresh_from_db()
    assert complaint.status == S.RECEIVED


def test_resolving_needs_the_written_outcome():
    operator = make_operator()
    complaint = make_complaint()
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ACCEPTED)
    with pytest.raises(InvalidInput):
        services.complaint_transition(complaint=complaint, actor=operator, to_status=S.RESOLVED)


def test_a_step_out_of_order_is_refused_and_writes_nothing():
    operator = make_operator()
    complaint = make_complaint()
    with pytest.raises(RuleViolation):
        services.complaint_transition(complaint=complaint, actor=operator,
                                      to_status=S.RESOLVED, note="直接办结")
    assert not AuditEvent.objects.filter(action=AuditAction.COMPLAINT_TRANSITIONED).exists()


@pytest.mark.parametrize("role", [Role.SEEKER, Role.EMPLOYER_STAFF, Role.REVIEWER,
                                  Role.INSPECTOR, Role.SYSTEM_ADMIN])
def test_only_operators_handle_complaints(role):
    complaint = make_complaint()
    with pytest.raises(NotFound):
        services.complaint_transition(complaint=complaint, actor=make_user(role),
                                      to_status=S.ACCEPTED)


def test_a_complainant_sees_only_their_own_complaints():
    mine = make_complaint()
    other = make_user(Role.SEEKER)
    with pytest.raises(NotFound):
        selectors.complaint_get(actor=other, complaint_id=mine.pk)
    assert signed_in_client(other).get(f"/complaints/{mine.pk}/").status_code == 404


@pytest.mark.req("R23")
def test_escalation_keeps_a_record_for_the_regulator_and_its_export_names_a_destination():
    operator = make_operator()
    complaint = make_complaint(category="discrimination",
                               description="招聘信息写明只招男性，面试时又询问婚育情况。")
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ACCEPTED)
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ESCALATED,
                                  note="涉嫌就业歧视，移交人社部门依法处理。")
    referral = Referral.objects.get()
    assert referral.snapshot["number"] == complaint.number
    assert referral.snapshot["article"] == "《网络招聘服务管理规定》第十五条"
    with pytest.raises(InvalidInput):
        services.referrals_export(actor=operator, fmt="csv", destination="", purpose="移交",
                                  lawful_basis="履行法定职责")
    name, data, content_type = services.referrals_export(
        actor=operator, fmt="csv", destination="CN", purpose="移交太原市人社局",
        lawful_basis="《网络招聘服务管理规定》第二十三条")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert name.endswith(".csv") and content_type == "text/csv"
    assert rows[0]["number"] == complaint.number and "只招男性" in rows[0]["description"]
    _name, data, _type = services.referrals_export(
        actor=operator, fmt="json", destination="CN", purpose="移交", lawful_basis="法定职责")
    assert json.loads(data)[0]["reason"] == "涉嫌就业歧视，移交人社部门依法处理。"
    assert PiExport.objects.filter(dataset="complaints.referrals", allowed=True).count() == 2


def test_the_referral_export_downloads_from_the_page():
    operator = make_operator()
    complaint = make_complaint()
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ACCEPTED)
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ESCALATED,
                                  note="移交处理。")
    response = signed_in_client(operator).post("/operator/referrals/", {
        "fmt": "json", "destination": "CN", "purpose": "移交", "lawful_basis": "法定职责"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="referrals-')
    assert json.loads(response.content)[0]["number"] == complaint.number


def test_a_complaint_about_an_employer_names_it():
    from fairhire.orgs.tests.factories import make_verified

    employer = make_verified()
    complaint = make_complaint(subject_kind="organisation", subject_id=employer.pk,
                               category="false_information")
    assert complaint.organisation == employer and complaint.subject_label == employer.name


def test_a_complaint_cannot_name_an_organisation_still_in_registration():
    from fairhire.orgs.tests.factories import make_org

    pending = make_org()
    with pytest.raises(NotFound):
        make_complaint(subject_kind="organisation", subject_id=pending.pk)


def test_every_step_of_a_complaint_is_sealed_in_the_ledger():
    from fairhire.ledger.models import Entry, Retention

    operator = make_operator()
    complaint = make_complaint()
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.ACCEPTED)
    kinds = list(Entry.objects.filter(kind="complaints.complaint_event")
                 .values_list("kind", flat=True))
    assert len(kinds) == 2
    services.complaint_transition(complaint=complaint, actor=operator, to_status=S.RESOLVED,
                                  note="已处理完毕。", now=NOW)
    assert Retention.objects.get(object_pk=str(complaint.pk)).retain_until.year == NOW.year + 3


def test_an_operator_hands_a_complaint_to_another_operator():
    first, second = make_operator(), make_operator()
    complaint = make_complaint()
    assert complaint.owner == first  # the least loaded, then the lowest id
    client = signed_in_client(first)
    response = client.post(f"/operator/complaints/{complaint.pk}/assign/", {"owner": second.pk})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.owner == second
    assert AuditEvent.objects.filter(action=AuditAction.COMPLAINT_ASSIGNED).exists()
    # the complainant does not see the operators' internal step
    page = signed_in_client(complaint.complainant).get(f"/complaints/{complaint.pk}/")
    assert "承办人：" not in page.content.decode()
    with pytest.raises(InvalidInput):
        services.complaint_assign(complaint=complaint, actor=first,
                                  owner=make_user(Role.REVIEWER))
    assert make_complaint().owner == first  # new work goes to whoever has less
