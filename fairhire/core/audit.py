"""The one registry of audit actions and the one way to write an audit row.

Services call ``audit_record`` inside their transaction, so a change and its audit row commit
or roll back together (SECURITY.md control 18; STYLE.md habit 4).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fairhire.core.models import AuditEvent
from fairhire.core.request_context import current_meta


class AuditAction(models.TextChoices):
    """Every auditable action, named ``<app>.<entity>_<past verb>``."""

    # accounts: sign-in and sign-out are the JF-log events (time, account, IP)
    USER_SIGNED_UP = "accounts.user_signed_up", _("注册")
    USER_SIGNED_IN = "accounts.user_signed_in", _("登录")
    USER_SIGNED_OUT = "accounts.user_signed_out", _("退出登录")
    USER_SIGN_IN_FAILED = "accounts.user_sign_in_failed", _("登录失败")
    USER_LOCKED = "accounts.user_locked", _("账号锁定")
    USER_UNLOCKED = "accounts.user_unlocked", _("账号解锁")
    USER_OTP_ENABLED = "accounts.user_otp_enabled", _("启用双因素认证")
    USER_OTP_FAILED = "accounts.user_otp_failed", _("双因素认证失败")
    USER_RECOVERY_CODES_GENERATED = "accounts.user_recovery_codes_generated", _("生成恢复码")
    USER_PASSWORD_CHANGED = "accounts.user_password_changed", _("修改密码")
    USER_PASSWORD_RESET_REQUESTED = "accounts.user_password_reset_requested", _("申请重置密码")
    USER_PASSWORD_RESET = "accounts.user_password_reset", _("重置密码")
    USER_CREATED = "accounts.user_created", _("创建账号")
    USER_ROLE_CHANGED = "accounts.user_role_changed", _("变更角色")
    USER_DISABLED = "accounts.user_disabled", _("停用账号")
    USER_ENABLED = "accounts.user_enabled", _("启用账号")
    USER_CLOSED = "accounts.user_closed", _("本人注销账号")
    TOKEN_CREATED = "accounts.token_created", _("创建 API 令牌")
    TOKEN_REVOKED = "accounts.token_revoked", _("吊销 API 令牌")
    # core
    ACCESS_DENIED = "core.access_denied", _("越权访问被拒绝")
    AUDIT_EXPORTED = "core.audit_exported", _("导出审计日志")
    EXPORT_DOWNLOADED = "core.export_downloaded", _("下载导出文件")
    COMMAND_RUN = "core.command_run", _("执行管理命令")
    # applications (issue 8): add members here
    APPLICATION_SUBMITTED = "applications.application_submitted", _("投递简历")
    APPLICATION_MOVED = "applications.application_moved", _("变更申请状态")
    APPLICATION_EXPIRED = "applications.application_expired", _("申请超时未处理")
    APPLICATION_RECORD_ERASED = "applications.record_erased", _("保存期满删除申请中的个人信息")
    APPLICATION_CONTACT_SHARED = "applications.contact_shared", _("求职者向单位提供联系方式")
    INTERVIEW_PROPOSED = "applications.interview_proposed", _("安排面试")
    INTERVIEW_RESCHEDULED = "applications.interview_rescheduled", _("面试改期")
    INTERVIEW_CANCELLED = "applications.interview_cancelled", _("取消面试")
    INTERVIEW_ANSWERED = "applications.interview_answered", _("求职者答复面试安排")
    MESSAGE_SENT = "applications.message_sent", _("发送站内消息")
    MESSAGE_HELD = "applications.message_held", _("站内消息待审核")
    MESSAGE_REPORTED = "applications.message_reported", _("举报站内消息")
    MESSAGE_DECIDED = "applications.message_decided", _("审核站内消息")
    FOLLOW_UP_RECORDED = "applications.follow_up_recorded", _("记录录用回访")

    # orgs (issue 3): add members here
    ORG_REGISTERED = "orgs.organisation_registered", _("单位登记")
    ORG_SUBMITTED = "orgs.organisation_submitted", _("单位提交审核")
    ORG_APPROVED = "orgs.organisation_approved", _("单位审核通过")
    ORG_REJECTED = "orgs.organisation_rejected", _("单位审核不通过")
    ORG_INFO_REQUESTED = "orgs.organisation_info_requested", _("要求单位补充材料")
    ORG_SUSPENDED = "orgs.organisation_suspended", _("暂停单位")
    ORG_TERMINATED = "orgs.organisation_terminated", _("单位终止服务")
    ORG_REVERIFICATION_DUE = "orgs.organisation_reverification_due", _("单位定期复核到期")
    ORG_EXPIRY_NOTICED = "orgs.licence_expiry_noticed", _("许可证到期提醒")
    ORG_DOCUMENT_UPLOADED = "orgs.document_uploaded", _("上传单位材料")
    ORG_DOCUMENT_DOWNLOADED = "orgs.document_downloaded", _("下载单位材料")
    ORG_MEMBER_INVITED = "orgs.member_invited", _("邀请单位人员")
    ORG_CHANGE_REPORTED = "orgs.change_reported", _("机构变更报告")
    PLATFORM_LICENCE_CHANGED = "orgs.platform_licence_changed", _("变更平台证照")
    ORG_LICENCE_RENEWED = "orgs.licence_renewed", _("单位许可证延续")
    ORG_FEES_CHANGED = "orgs.fees_changed", _("机构收费标准变更")
    ORG_REASON_TEMPLATE_SAVED = "orgs.reason_template_saved", _("保存审核理由模板")
    # complaints (issue 10): add members here
    COMPLAINT_RECEIVED = "complaints.complaint_received", _("收到投诉举报")
    COMPLAINT_TRANSITIONED = "complaints.complaint_transitioned", _("投诉处理状态变更")
    COMPLAINT_ASSIGNED = "complaints.complaint_assigned", _("指定投诉承办人")
    COMPLAINT_EVIDENCE_UPLOADED = "complaints.evidence_uploaded", _("上传投诉证据")
    COMPLAINT_EVIDENCE_DOWNLOADED = "complaints.evidence_downloaded", _("下载投诉证据")
    COMPLAINT_POSTING_SUSPENDED = "complaints.posting_suspended", _("因举报暂停招聘信息")
    AGREEMENT_PUBLISHED = "complaints.agreement_published", _("发布平台协议或规则")
    AGREEMENT_ACCEPTED = "complaints.agreement_accepted", _("接受平台协议或规则")
    EVALUATION_INVITED = "complaints.evaluation_invited", _("邀请服务评价")
    EVALUATION_SUBMITTED = "complaints.evaluation_submitted", _("提交服务评价")
    QUESTIONNAIRE_SAVED = "complaints.questionnaire_saved", _("修改评价问卷")
    PLATFORM_FEES_PUBLISHED = "complaints.platform_fees_published", _("公示平台收费标准")

    # ledger (issue 9): add members here
    LEDGER_CHECKPOINT_SIGNED = "ledger.checkpoint_signed", _("签发存证检查点")
    LEDGER_CHECKPOINT_COSIGNED = "ledger.checkpoint_cosigned", _("见证方会签检查点")
    LEDGER_CHECKPOINT_REFUSED = "ledger.checkpoint_refused", _("见证方拒绝检查点")
    LEDGER_LOG_VERIFIED = "ledger.log_verified", _("校验存证日志")
    LEDGER_RETENTION_SET = "ledger.retention_set", _("设定保存期限")
    LEDGER_ENTRY_REDACTED = "ledger.entry_redacted", _("到期删除个人信息")
    LEDGER_BACKUP_MADE = "ledger.backup_made", _("备份数据库")
    LEDGER_BACKUP_RESTORED = "ledger.backup_restored", _("恢复数据库")
    # privacy and profiles (issue 6): add members here
    SEEKER_REGISTERED = "profiles.seeker_registered", _("求职者实名注册")
    SEEKER_PROFILE_CORRECTED = "profiles.seeker_profile_corrected", _("更正个人信息")
    SEEKER_ACCOUNT_CLOSED = "profiles.seeker_account_closed", _("注销求职者账号")
    RESUME_SAVED = "profiles.resume_saved", _("保存简历")
    RESUME_DELETED = "profiles.resume_deleted", _("删除简历")
    GIG_CARD_SAVED = "profiles.gig_card_saved", _("保存零工名片")
    CONSENT_GIVEN = "privacy.consent_given", _("同意个人信息处理")
    CONSENT_WITHDRAWN = "privacy.consent_withdrawn", _("撤回同意")
    PI_EXPORTED = "privacy.pi_exported", _("导出个人信息")
    PI_EXPORT_REFUSED = "privacy.pi_export_refused", _("个人信息出境被拒绝")
    TRANSFER_APPROVAL_RECORDED = "privacy.transfer_approval_recorded", _("登记个人信息出境批准")
    DATA_KEYS_ROTATED = "privacy.data_keys_rotated", _("轮换个人信息加密密钥")
    SELF_INSPECTION_GENERATED = "privacy.self_inspection_generated", _("生成个人信息保护自查记录")
    SELF_INSPECTION_CONCLUDED = "privacy.self_inspection_concluded", _("填写自查发现与整改")
    SEEKER_SIGN_UP_REFUSED = "profiles.seeker_sign_up_refused", _("拒绝重复实名注册")
    IDENTITY_IMAGE_UPLOADED = "profiles.identity_image_uploaded", _("上传身份证照片")
    IDENTITY_IMAGE_DOWNLOADED = "profiles.identity_image_downloaded", _("下载身份证照片")
    IDENTITY_IMAGE_DELETED = "profiles.identity_image_deleted", _("删除身份证照片")
    SEEKER_RECORD_ERASED = "profiles.seeker_record_erased", _("保存期满删除实名记录")
    # screening (issue 5): add members here
    SCREENING_TERM_ADDED = "screening.term_added", _("新增筛查词条")
    SCREENING_TERM_DISABLED = "screening.term_disabled", _("停用筛查词条")
    SCREENING_LAWFUL_PHRASE_ADDED = "screening.lawful_phrase_added", _("新增合法表述")
    SCREENING_CHANGE_WITHDRAWN = "screening.change_withdrawn", _("撤销筛查规则变更")
    # postings (issue 4): add members here
    POSTING_CREATED = "postings.posting_created", _("创建招聘信息")
    POSTING_EDITED = "postings.posting_edited", _("修改招聘信息")
    POSTING_SUBMITTED = "postings.posting_submitted", _("提交招聘信息")
    POSTING_PUBLISHED = "postings.posting_published", _("发布招聘信息")
    POSTING_REJECTED = "postings.posting_rejected", _("退回招聘信息")
    POSTING_FLAG_ACCEPTED = "postings.flag_accepted", _("认定筛查提示为合法例外")
    POSTING_CLOSED = "postings.posting_closed", _("结束招聘")
    POSTING_WITHDRAWN = "postings.posting_withdrawn", _("撤回招聘信息")
    POSTING_SUSPENDED = "postings.posting_suspended", _("暂停展示招聘信息")
    POSTING_REINSTATED = "postings.posting_reinstated", _("恢复展示招聘信息")
    POSTING_EXPIRED = "postings.posting_expired", _("招聘信息过期")
    POSTING_CONFIRMATION_REQUESTED = "postings.confirmation_requested", _("提醒确认招聘信息")
    POSTING_CONFIRMED = "postings.posting_confirmed", _("确认招聘信息仍有效")
    POSTING_IMPORT_STARTED = "postings.import_started", _("开始批量导入招聘信息")
    POSTING_IMPORT_FINISHED = "postings.import_finished", _("批量导入招聘信息完成")
    POSTING_REVISION_DISCARDED = "postings.revision_discarded", _("放弃招聘信息的修改稿")
    POSTING_ENTRUSTMENT_GRANTED = "postings.entrustment_granted", _("委托机构代为发布招聘信息")
    POSTING_ENTRUSTMENT_REVOKED = "postings.entrustment_revoked", _("撤销代为发布的委托")
    # reference (issue 4): add members here
    REFERENCE_TABLE_LOADED = "reference.code_table_loaded", _("载入随附代码表")
    REFERENCE_TABLE_IMPORTED = "reference.code_table_imported", _("导入官方代码表")
    # search (issue 7): add members here
    SEARCH_REINDEXED = "search.index_rebuilt", _("重建检索索引")
    SEARCH_WEIGHTS_CHANGED = "search.match_weights_changed", _("调整匹配权重")
    SEARCH_SAVED = "search.saved_search_created", _("保存检索")
    SEARCH_SAVED_DELETED = "search.saved_search_deleted", _("删除保存的检索")
    SEARCH_KEY_GROUP_CONSENTED = "search.key_group_consent_given", _("同意作为重点群体优先推荐")
    SEARCH_KEY_GROUP_WITHDRAWN = "search.key_group_consent_withdrawn", _("撤回重点群体优先推荐同意")
    SEARCH_PRIORITY_RECOMMENDED = "search.priority_recommended", _("重点群体优先推荐")


def _target_fields(target: Any) -> dict[str, str]:
    if target is None:
        return {}
    meta = getattr(target, "_meta", None)
    return {
        "target_type": meta.label_lower if meta else type(target).__name__,
        "target_id": str(getattr(target, "pk", "") or ""),
        "target_repr": str(target)[:200],
    }


def audit_record(
    *,
    action: AuditAction,
    actor: Any = None,
    target: Any = None,
    account: str | None = None,
    result: str = AuditEvent.Result.SUCCESS,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> AuditEvent:
    """Write one audit row with the caller's address and user agent from the request context."""
    meta = current_meta()
    actor_id = getattr(actor, "pk", None) if actor is not None else None
    if account is None:
        account = getattr(actor, "username", "") or ""
    return AuditEvent.objects.create(
        created_at=now or timezone.now(),
        action=str(action),
        result=str(result),
        actor_id=actor_id,
        account=account[:150],
        ip=meta.ip,
        user_agent=meta.user_agent,
        details={"channel": meta.channel, **(details or {})},
        **_target_fields(target),
    )


def audit_rate_until(*, ip: str, actions: Iterable[str], limit: int, window: timedelta,
                     now: datetime, **filters: Any) -> datetime | None:
    """When ``ip`` may act again after doing ``actions`` ``limit`` times within ``window``
    before ``now``, or None while it is under the limit. Counted from the audit trail itself,
    like the sign-in lockout (decision 1): no second log to keep in step."""
    recent = list(AuditEvent.objects.filter(
        ip=ip, action__in=list(actions), created_at__gt=now - window, created_at__lte=now,
        **filters).order_by("-created_at").values_list("created_at", flat=True)[:limit])
    return recent[-1] + window if limit and len(recent) >= limit else None
