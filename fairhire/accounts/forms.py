from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.accounts.models import Role
from fairhire.core.audit import AuditAction
from fairhire.core.models import AuditEvent


class SignUpForm(forms.Form):
    # Job seekers register under their real name at /seekers/sign-up/ (decision 11); this form
    # opens employer accounts.
    role = forms.ChoiceField(
        label=_("我是"), choices=[(Role.EMPLOYER_STAFF, _("用人单位招聘人员"))],
        widget=forms.RadioSelect, initial=Role.EMPLOYER_STAFF)
    username = forms.CharField(label=_("用户名"), max_length=150,
                               help_text=_("字母、数字及 @/./+/-/_，登录时使用。"))
    display_name = forms.CharField(label=_("姓名"), max_length=60)
    email = forms.EmailField(label=_("电子邮箱"), help_text=_("用于找回密码。"))
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput, max_length=128,
                               help_text=_("至少 10 个字符，不能过于常见或与用户名相似。"))
    password_again = forms.CharField(label=_("再次输入密码"), widget=forms.PasswordInput,
                                     max_length=128)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("两次输入的密码不一致。"))
        return data


class SignInForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput, max_length=128)


class OtpForm(forms.Form):
    token = forms.CharField(label=_("动态验证码或恢复码"), max_length=16,
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                          "inputmode": "numeric"}))


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label=_("原密码"), widget=forms.PasswordInput, max_length=128)
    new_password = forms.CharField(label=_("新密码"), widget=forms.PasswordInput, max_length=128)
    new_password_again = forms.CharField(label=_("再次输入新密码"), widget=forms.PasswordInput,
                                         max_length=128)

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", _("两次输入的密码不一致。"))
        return data


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("注册时使用的电子邮箱"))


class TokenCreateForm(forms.Form):
    name = forms.CharField(label=_("令牌名称"), max_length=60,
                           help_text=_("例如：数据对接脚本"))


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("事件"), required=False,
                               choices=[("", _("全部")), *AuditAction.choices])
    account = forms.CharField(label=_("账号"), required=False, max_length=150)
    ip = forms.GenericIPAddressField(label=_("IP 地址"), required=False)
    result = forms.ChoiceField(label=_("结果"), required=False,
                               choices=[("", _("全部")), *AuditEvent.Result.choices])
    date_from = forms.DateField(label=_("起始日期"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("截止日期"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices)
    jurisdiction = forms.RegexField(label=_("管辖区域代码"), regex=r"^\d{6}$", required=False,
                                    help_text=_("监管检查人员必填，GB/T 2260 六位代码。"))


class UnlockForm(forms.Form):
    key = forms.CharField(label=_("用户名或 IP 地址"), max_length=150)
