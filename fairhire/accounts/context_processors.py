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
        items.append((_("账号设置"), reverse("account-settings")))
    return {"nav_items": items}
