"""Demo data for complaints, evaluations, the platform's fees and the service agreement and
rules (``manage.py demo_data``).

The agreement and rules are published in force and accepted by every demo account, so a new
account meets the acceptance page and the demo accounts do not. Browser tests that sign up
accounts on a shared site load the demo with ``--no-agreements``.
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


AGREEMENT = "\n".join([
    "第一条 本协议由平台运营者与注册用户订立，适用于求职招聘、零工对接、网络招聘会等"
    "全部服务。",
    "第二条 用人单位和人力资源服务机构应当如实登记单位信息，发布的招聘信息应当真实、"
    "合法、有效，不得含有民族、种族、性别、宗教信仰等歧视性内容。",
    "第三条 平台及入驻机构不得以招聘为名向求职者收取押金、保证金、服装费、培训费等任"
    "何费用。",
    "第四条 平台依法收集、使用求职者个人信息，采取加密、去标识化等措施保护个人信息安"
    "全，未经求职者同意不向他人提供其简历和联系方式。",
    "第五条 用户可以通过页面底部的投诉举报渠道反映问题，平台在规定期限内处理并答复。",
])

RULES = "\n".join([
    "一、入驻与退出：用人单位和人力资源服务机构经资质审核后方可发布信息；终止服务应提"
    "前三十日告知。",
    "二、信息质量：招聘信息应包含单位基本情况、岗位、人数、条件、工作地点、薪酬等内容"
    "，发布后三十日内未确认的自动下线。",
    "三、求职者权益：求职者免费使用平台服务，可随时查阅、更正、下载本人信息，撤回同意"
    "或注销账号。",
    "四、个人信息保护：身份证号码、手机号码等敏感信息加密存储，对不同角色脱敏展示，查"
    "看明文须说明用途并留痕。",
    "五、违规处理：发布违法招聘信息、收取押金或泄露个人信息的，平台将下架信息、暂停服"
    "务并报告人力资源社会保障部门。",
])


def demo_agreements() -> None:
    """The service agreement and the platform rules in force, accepted by every account that
    exists now (idempotent)."""
    from fairhire.complaints.models import AgreementVersion

    operator = User.objects.filter(username="zhao.lei").first()
    if operator is None or AgreementVersion.objects.exists():
        return
    now = timezone.now()
    versions = [
        services.agreement_publish(actor=operator, kind="agreement", title="平台服务协议",
                                   body=AGREEMENT, summary="首次发布", now=now),
        services.agreement_publish(actor=operator, kind="rules", title="平台服务规则",
                                   body=RULES, summary="首次发布", now=now)]
    for user in User.objects.filter(is_active=True):
        for version in versions:
            services.agreement_accept(user=user, version=version, now=now)
