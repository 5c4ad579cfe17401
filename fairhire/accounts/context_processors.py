"""Navigation per role: each person sees the places their role can go."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fairhire.accounts.policies import Perm, has_perm


def navigation(request):
    user = getattr(request, "user", None)
    items = [(_("首页"), reverse("home"))]
    if user is not None and user.is_authenticated:
        if has_perm(user, Perm.AUDIT_READ):
            items.append((_("审计日志"), reverse("audit-list")))
        if has_perm(user, Perm.ACCOUNTS_MANAGE):
            items.append((_("账号管理"), reverse("user-list")))
        if has_perm(user, Perm.SEEK):
            items.append((_("我的简历"), reverse("resume-list")))
            items.append((_("我的数据"), reverse("my-data")))
        if has_perm(user, Perm.AUDIT_READ):
            items.append((_("个人信息访问记录"), reverse("pi-access-log")))
        if has_perm(user, Perm.ACCOUNTS_MANAGE):
            items.append((_("个人信息保护自查"), reverse("self-inspection-list")))
        if has_perm(user, Perm.RECRUIT):
            items.append((_("我的单位"), reverse("org-mine")))
        if has_perm(user, Perm.CONTENT_REVIEW):
            items.append((_("单位审核"), reverse("review-queue")))
        if has_perm(user, Perm.CONTENT_REVIEW) or has_perm(user, Perm.PLATFORM_OPERATE):
            items.append((_("审核理由模板"), reverse("reason-templates")))
        if has_perm(user, Perm.PLATFORM_OPERATE):
            items.append((_("平台证照"), reverse("platform-licences-edit")))
        items.append((_("账号设置"), reverse("account-settings")))
    if user is None or not user.is_authenticated:
        items.append((_("求职者实名注册"), reverse("seeker-sign-up")))
    items.append((_("机构名录"), reverse("registry-agencies")))
    return {"nav_items": items}
