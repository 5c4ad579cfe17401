"""Navigation per role: each person sees the places their role can go."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fairhire.accounts.policies import Perm, has_perm
from fairhire.core.notifications import unread_count

# (permission, [(label, URL name), ...]) in the order they appear; a link shows once.
ROLE_LINKS = [
    (Perm.SEEK, [(_("我的简历"), "resume-list"), (_("我的数据"), "my-data"),
                 (_("我的申请"), "application-mine"),
                 (_("为你推荐"), "search-recommendations"),
                 (_("保存的检索"), "search-saved-list"),
                 (_("重点群体优先推荐"), "search-key-group")]),
    (Perm.RECRUIT, [(_("我的单位"), "org-mine"), (_("我的招聘信息"), "posting-mine"),
                    (_("合规自查"), "screening-draft-check"),
                    (_("收到的申请"), "applicant-postings")]),
    (Perm.CONTENT_REVIEW, [(_("单位审核"), "review-queue"),
                           (_("招聘信息审核"), "review-posting-queue"),
                           (_("审核理由模板"), "reason-templates"),
                           (_("站内消息审核"), "message-review-queue")]),
    (Perm.PLATFORM_OPERATE, [(_("筛查规则"), "screening-operator"),
                             (_("审核理由模板"), "reason-templates"),
                             (_("平台证照"), "platform-licences-edit"),
                             (_("录用回访"), "follow-up-list"),
                             (_("匹配权重"), "search-match-weights")]),
    (Perm.AUDIT_READ, [(_("审计日志"), "audit-list"),
                       (_("个人信息访问记录"), "pi-access-log")]),
    (Perm.ACCOUNTS_MANAGE, [(_("账号管理"), "user-list"),
                            (_("个人信息保护自查"), "self-inspection-list")]),
    # complaints (issue 10)
    (Perm.SEEK, [(_("我的投诉"), "complaint-mine")]),
    (Perm.RECRUIT, [(_("我的投诉"), "complaint-mine")]),
    (Perm.PLATFORM_OPERATE, [(_("投诉处理"), "complaint-queue"),
                             (_("协议与规则"), "agreement-publish"),
                             (_("服务评价"), "evaluation-results"),
                             (_("平台收费公示"), "platform-fees-edit")]),
]


def navigation(request):
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    items = [(_("首页"), "home"), (_("招聘信息"), "posting-list"), (_("搜索职位"), "search")]
    if signed_in:
        for perm, links in ROLE_LINKS:
            if has_perm(user, perm):
                items += [link for link in links if link not in items]
        unread = unread_count(actor=user)
        items.append((_("我的通知（%(n)s 条未读）") % {"n": unread} if unread else _("我的通知"),
                      "notification-list"))
        items.append((_("账号设置"), "account-settings"))
    else:
        items.append((_("求职者实名注册"), "seeker-sign-up"))
    items.append((_("机构名录"), "registry-agencies"))
    return {"nav_items": [(label, reverse(name)) for label, name in items]}
