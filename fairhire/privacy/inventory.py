"""The data inventory: every model field that holds personal information (SECURITY.md control 14).

Each entry says why the field is collected (purpose), on what legal basis (PIPL Art 13), how long
it is kept, and whether it is encrypted at rest. ``tests/test_inventory.py`` fails when a model
field whose name looks like personal information is neither listed here nor in ``NOT_PERSONAL``
with a reason, so a new field cannot slip in unaccounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("个人同意（个人信息保护法第十三条第一项）")
    SEPARATE_CONSENT = "separate_consent", _("单独同意（个人信息保护法第二十九条）")
    CONTRACT = "contract", _("订立、履行合同所必需（第十三条第二项）")
    LEGAL_DUTY = "legal_duty", _("履行法定职责或法定义务所必需（第十三条第三项）")


# Retention periods, in words a person reads; the retention clocks live in the services.
UNTIL_CLOSED = _("账号存续期间；注销后删除")
SERVICE_RECORD = _("服务结束后至少三年（《网络招聘服务管理规定》第二十六条），期满删除")
NETWORK_LOG = _("至少六个月（《网络安全法》第二十一条）；审计记录三年")
ORG_RECORD = _("单位在平台存续期间及注销后三年（第二十五条登记档案）")
CLOSED_RECORD = _("账号存续期间；注销后限制处理、保存三年（第二十六条服务信息），期满删除")


@dataclass(frozen=True)
class PiField:
    purpose: str
    basis: str
    retention: str
    encrypted: bool = False
    sensitive: bool = False


# Names that suggest personal information. A match must be in INVENTORY or NOT_PERSONAL.
LOOKS_PERSONAL = re.compile(
    r"name|id_number|phone|mobile|email|address|birth|gender|(^|_)sex($|_)|ethnic|"
    r"(^|_)ip($|_)|contact|account|user_agent|(^|_)age($|_)|legal_representative"
)

_SEEKER = _("求职者实名注册与求职服务（《网络招聘服务管理规定》第十六条）")

INVENTORY: dict[str, PiField] = {
    # profiles: the job seeker (Regulation Art. 16; gig notice (8))
    "profiles.seekerprofile.real_name": PiField(_SEEKER, LegalBasis.CONSENT, CLOSED_RECORD,
                                                encrypted=True),
    "profiles.seekerprofile.id_number": PiField(
        _("实名核验、一人一号（《网络招聘服务管理规定》第十六条）"), LegalBasis.SEPARATE_CONSENT,
        CLOSED_RECORD, encrypted=True, sensitive=True),
    "profiles.seekerprofile.id_number_index": PiField(
        _("不解密即可发现重复注册的身份证号盲索引"), LegalBasis.LEGAL_DUTY, UNTIL_CLOSED),
    "profiles.seekerprofile.birth_date": PiField(
        _("核验年满十六周岁"), LegalBasis.SEPARATE_CONSENT, UNTIL_CLOSED, encrypted=True,
        sensitive=True),
    "profiles.seekerprofile.phone": PiField(_("联系求职者"), LegalBasis.CONSENT, UNTIL_CLOSED,
                                            encrypted=True),
    "profiles.seekerprofile.phone_index": PiField(_("按手机号查找账号的盲索引"),
                                                  LegalBasis.CONSENT, UNTIL_CLOSED),
    "profiles.seekerprofile.email": PiField(_("联系求职者"), LegalBasis.CONSENT, UNTIL_CLOSED,
                                            encrypted=True),
    "profiles.seekerprofile.address": PiField(_("匹配就近岗位"), LegalBasis.CONSENT,
                                              UNTIL_CLOSED, encrypted=True),
    "profiles.seekerprofile.email_index": PiField(_("按电子邮箱找回密码的盲索引"),
                                                  LegalBasis.CONSENT, UNTIL_CLOSED),
    "profiles.identityimage.image": PiField(
        _("人工核验实名信息的身份证照片"), LegalBasis.SEPARATE_CONSENT,
        _("撤回身份证号码单独同意或注销账号时删除"), encrypted=True, sensitive=True),
    # search (issue 7): key-group priority recommendation, by separate consent (EN7)
    "search.keygroupconsent.group": PiField(
        _("经本人单独同意，作为重点群体向合适的用人单位优先推荐"), LegalBasis.SEPARATE_CONSENT,
        _("同意期间；撤回同意或注销后删除"), encrypted=True, sensitive=True),
    # accounts (owned by the foundation; listed here so the inventory is complete)
    "accounts.user.username": PiField(_("登录"), LegalBasis.CONTRACT, UNTIL_CLOSED),
    "accounts.user.first_name": PiField(_("Django 自带字段，FairHire 不填写"), LegalBasis.CONTRACT,
                                        UNTIL_CLOSED),
    "accounts.user.last_name": PiField(_("Django 自带字段，FairHire 不填写"), LegalBasis.CONTRACT,
                                       UNTIL_CLOSED),
    "accounts.user.email": PiField(_("找回密码（求职者的邮箱另行加密保存，此处留空）"),
                                   LegalBasis.CONTRACT, UNTIL_CLOSED),
    "accounts.user.display_name": PiField(_("页面显示的称呼（求职者为脱敏姓名）"),
                                          LegalBasis.CONTRACT, UNTIL_CLOSED),
    # the audit trail and the privacy records themselves (network logs)
    "core.auditevent.account": PiField(_("安全审计（谁做了什么）"), LegalBasis.LEGAL_DUTY,
                                       NETWORK_LOG),
    "core.auditevent.ip": PiField(_("安全审计（登录地址）"), LegalBasis.LEGAL_DUTY, NETWORK_LOG),
    "core.auditevent.user_agent": PiField(_("安全审计（客户端）"), LegalBasis.LEGAL_DUTY,
                                          NETWORK_LOG),
    "privacy.piaccess.viewer_account": PiField(_("个人信息访问记录"), LegalBasis.LEGAL_DUTY,
                                               NETWORK_LOG),
    "privacy.piaccess.ip": PiField(_("个人信息访问记录"), LegalBasis.LEGAL_DUTY, NETWORK_LOG),
    "privacy.piexport.account": PiField(_("个人信息导出记录"), LegalBasis.LEGAL_DUTY,
                                        NETWORK_LOG),
    "privacy.piexport.ip": PiField(_("个人信息导出记录"), LegalBasis.LEGAL_DUTY, NETWORK_LOG),
    # orgs (issue 3): the people named in an organisation's registration (Regulation Art. 25)
    "orgs.organisation.address": PiField(_("单位注册地址（个体工商户可能为住址）"),
                                         LegalBasis.LEGAL_DUTY, ORG_RECORD),
    "orgs.organisation.legal_representative": PiField(_("登记法定代表人"),
                                                      LegalBasis.LEGAL_DUTY, ORG_RECORD),
    # postings: the hiring contact a gig posting must give (gig notice (8)); the work address is
    # a workplace, but an individual business may work from home, so it is kept as PI too.
    "postings.jobposting.contact": PiField(_("招聘联系人及联系方式（零工通知第（八）项）"),
                                           LegalBasis.CONTRACT, SERVICE_RECORD),
    "postings.jobposting.work_address": PiField(_("工作地点（个体工商户可能为住址）"),
                                                LegalBasis.CONTRACT, SERVICE_RECORD),
    "orgs.organisation.contact_name": PiField(_("单位联系人"), LegalBasis.LEGAL_DUTY, ORG_RECORD),
    "orgs.organisation.contact_phone": PiField(_("单位联系电话"), LegalBasis.LEGAL_DUTY,
                                               ORG_RECORD),
    "orgs.organisation.operator_name": PiField(_("经办人身份核验（第十七条）"),
                                               LegalBasis.LEGAL_DUTY, ORG_RECORD),
    "orgs.organisation.operator_id_number_enc": PiField(
        _("经办人身份核验（第十七条）"), LegalBasis.LEGAL_DUTY, ORG_RECORD, encrypted=True,
        sensitive=True),
    "orgs.organisation.operator_id_number_index": PiField(
        _("经办人身份证号盲索引"), LegalBasis.LEGAL_DUTY, ORG_RECORD),
    "orgs.organisation.operator_phone_enc": PiField(_("联系经办人"), LegalBasis.LEGAL_DUTY,
                                                    ORG_RECORD, encrypted=True),
    "orgs.document.original_name": PiField(_("上传文件名（可能含人名）"), LegalBasis.LEGAL_DUTY,
                                           ORG_RECORD),
    # applications: the résumé as sent and the conversation with the employer (Arts 21, 26)
    "applications.application.resume_snapshot": PiField(
        _("向用人单位投递的简历（投递时的内容）"), LegalBasis.SEPARATE_CONSENT, SERVICE_RECORD),
    "applications.message.body": PiField(_("求职者与用人单位的站内消息"), LegalBasis.CONTRACT,
                                         SERVICE_RECORD, encrypted=True),
    # complaints (issue 10): complaints and reports (Regulation Art. 23), acceptances (Art. 24)
    "complaints.complaint.description": PiField(
        _("受理和处理投诉举报（《网络招聘服务管理规定》第二十三条）"), LegalBasis.LEGAL_DUTY,
        SERVICE_RECORD, encrypted=True),
    "complaints.complaint.contact": PiField(_("答复匿名举报人（自愿提供）"), LegalBasis.CONSENT,
                                            SERVICE_RECORD, encrypted=True),
    "complaints.complaint.complainant": PiField(_("答复投诉人"), LegalBasis.LEGAL_DUTY,
                                                SERVICE_RECORD),
    "complaints.evidence.original_name": PiField(_("证据文件名（可能含人名）"),
                                                 LegalBasis.LEGAL_DUTY, SERVICE_RECORD),
    "complaints.referral.snapshot": PiField(
        _("移交人社部门的投诉（含情况说明和投诉人称呼）"), LegalBasis.LEGAL_DUTY,
        SERVICE_RECORD),
    "complaints.agreementacceptance.ip": PiField(
        _("记录接受平台协议的来源地址（第二十四条）"), LegalBasis.CONTRACT, SERVICE_RECORD),
    "complaints.agreementacceptance.user_agent": PiField(
        _("记录接受平台协议的客户端"), LegalBasis.CONTRACT, SERVICE_RECORD),
    "complaints.evaluation.comment": PiField(_("服务评价意见（可能含个人信息）"),
                                             LegalBasis.CONSENT, SERVICE_RECORD),
}

# Apps that hold no personal information at all, with the reason.
NOT_PERSONAL_APPS: dict[str, str] = {
    "reference": "national code tables (regions, occupations, industries, education levels)",
}

# Fields whose names look personal but hold nothing about a person, each with the reason.
NOT_PERSONAL: dict[str, str] = {
    "auth.permission.name": "a permission's label",
    "auth.permission.codename": "a permission's code",
    "auth.group.name": "a group's label",
    "otp_totp.totpdevice.name": "a device label chosen by the code",
    "otp_static.staticdevice.name": "a device label chosen by the code",
    "django_tasks_database.dbtaskresult.queue_name": "a task queue",
    "django_tasks_database.dbtaskresult.backend_name": "a task backend",
    "accounts.apitoken.name": "a token's label",
    "orgs.organisation.name": "an organisation's registered name",
    "orgs.document.storage_name": "a random file name",
    "applications.application.contact_shared_at": "when the seeker chose to share contact",
    "applications.interview.address": "the employer's place of an on-site interview",
    "complaints.evidence.storage_name": "a random file name",
}


def inventory_rows() -> list[tuple[str, PiField]]:
    return sorted(INVENTORY.items())
