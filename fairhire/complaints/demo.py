"""Demo data for complaints, evaluations and the platform's fees (``manage.py demo_data``).

No agreement version is published here on purpose: a version in force sends every account,
including ones that browser tests sign up on a shared demo site, to the acceptance page first.
Operators publish the agreement and rules at ``/operator/agreements/`` (``docs/complaints.md``).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from fairhire.accounts.models import User
from fairhire.complaints import services
from fairhire.complaints.models import Complaint, FeeDisclosure, Questionnaire


def demo_complaints() -> None:
    """A few complaints in different states, a questionnaire and the fee disclosure (idempotent)."""
    from fairhire.orgs.models import Organisation

    operator = User.objects.filter(username="zhao.lei").first()
    seeker = User.objects.filter(username="li.ming").first()
    if operator is None or seeker is None or Complaint.objects.exists():
        return
    now = timezone.now()
    if not Questionnaire.objects.filter(subject_kind="complaint").exists():
        services.questionnaire_save(actor=operator, subject_kind="complaint",
                                    title="投诉处理满意度", questions=[
                                        services.QuestionData(text="处理是否及时",
                                                              type="rating"),
                                        services.QuestionData(text="问题是否得到解决",
                                                              type="yes_no")], now=now)
    if not FeeDisclosure.objects.exists():
        services.platform_fees_publish(
            actor=operator, note="求职者使用本平台全部服务免费。", now=now, items=[
                {"item": "招聘信息置顶推广", "standard": "每条每天 20 元", "payer": "employer"},
                {"item": "网络招聘会展位", "standard": "每场 500 元", "payer": "agency"}])
    employer = Organisation.objects.filter(kind="employer", status="verified").first()
    services.complaint_submit(
        actor=seeker, category="false_information", subject_kind="general",
        description="某招聘信息写月薪六千元，面试时却说底薪两千、其余全靠提成。",
        now=now - timedelta(days=20))
    resolved = services.complaint_submit(
        actor=seeker, category="service_quality", subject_kind="general",
        description="投递简历后页面一直显示“处理中”，三天没有任何反馈。",
        now=now - timedelta(days=6))
    for step, note in [("accepted", ""), ("resolved", "经核查为系统通知延迟，已修复并补发通知。")]:
        services.complaint_transition(complaint=resolved, actor=operator, to_status=step,
                                      note=note, now=now - timedelta(days=5))
    if employer is not None:
        services.complaint_submit(
            actor=seeker, category="fees", subject_kind="organisation", subject_id=employer.pk,
            description="面试时被要求先交三百元服装押金才能上岗。", now=now - timedelta(hours=3))
