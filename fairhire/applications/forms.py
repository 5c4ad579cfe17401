"""Applications forms: parsing only; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.applications.models import Application, Interview


class ApplyForm(forms.Form):
    resume = forms.TypedChoiceField(label=_("选择简历"), coerce=int)
    consent = forms.BooleanField(
        label=_("我单独同意将所选简历发送给该用人单位"), required=False,
        help_text=_("《个人信息保护法》第二十九条要求的单独同意；你可以随时在“我的数据”撤回。"))
    share_contact = forms.BooleanField(
        label=_("同时向该单位提供我的姓名、手机号码和电子邮箱"), required=False,
        help_text=_("不勾选时单位只能看到打码的姓名和联系方式，可通过站内消息联系你。"))
    cover_note = forms.CharField(label=_("附言（选填）"), required=False, max_length=500,
                                 widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, resumes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resume"].choices = [(r.pk, r.title) for r in resumes]


class TransitionForm(forms.Form):
    to = forms.ChoiceField(choices=Application.Status.choices)
    reason = forms.CharField(label=_("原因（将告知求职者，选填）"), required=False,
                             max_length=500)


class BulkRejectForm(forms.Form):
    reason = forms.CharField(label=_("原因（将告知求职者，选填）"), required=False,
                             max_length=500)


class MessageForm(forms.Form):
    text = forms.CharField(label=_("消息"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("举报理由"), max_length=500)


class InterviewForm(forms.Form):
    mode = forms.ChoiceField(label=_("面试方式"), choices=Interview.Mode.choices,
                             widget=forms.RadioSelect, initial=Interview.Mode.ONSITE)
    starts_at = forms.DateTimeField(
        label=_("面试时间（北京时间）"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    duration_minutes = forms.IntegerField(label=_("时长（分钟）"), initial=30, min_value=5,
                                          max_value=480)
    address = forms.CharField(label=_("面试地址（现场面试）"), required=False, max_length=200)
    meeting_link = forms.CharField(label=_("会议链接（远程面试）"), required=False,
                                   max_length=300)
    note = forms.CharField(label=_("说明（选填）"), required=False, max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}))


class RespondForm(forms.Form):
    answer = forms.ChoiceField(choices=[("confirm", _("确认参加")),
                                        ("another_time", _("希望改期"))])
    note = forms.CharField(label=_("方便的时间或留言"), required=False, max_length=500)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("取消原因"), max_length=500)


class MessageDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("release", _("放行")), ("block", _("拦截"))])
    note = forms.CharField(label=_("审核意见"), required=False, max_length=500)


class FollowUpForm(forms.Form):
    still_employed = forms.TypedChoiceField(
        label=_("是否仍在岗"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("仍在岗")), ("no", _("已离职"))])
    note = forms.CharField(label=_("回访记录"), required=False, max_length=500)
