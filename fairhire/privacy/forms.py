from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class AccessLogFilterForm(forms.Form):
    viewer = forms.CharField(label=_("查看人账号"), required=False, max_length=150)
    subject_id = forms.IntegerField(label=_("信息主体编号"), required=False, min_value=1)


class SelfInspectionGenerateForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)


class SelfInspectionConcludeForm(forms.Form):
    findings = forms.CharField(label=_("发现的问题"), widget=forms.Textarea(attrs={"rows": 4}),
                               max_length=5000)
    fixes = forms.CharField(label=_("整改措施"), widget=forms.Textarea(attrs={"rows": 4}),
                            max_length=5000, required=False)
