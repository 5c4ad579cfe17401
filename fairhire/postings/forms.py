"""Posting forms: parsing only; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from fairhire.postings.models import JobPosting
from fairhire.postings.services import DATA_FIELDS

_TEXTAREAS = {"requirements", "duties", "working_conditions"}
_FIELDS = fields_for_model(
    JobPosting, fields=DATA_FIELDS,
    widgets={**{name: forms.Textarea(attrs={"rows": 4}) for name in _TEXTAREAS},
             "valid_until": forms.DateInput(attrs={"type": "date"})})


class PostingForm(forms.Form):
    """Every content field; all optional while drafting (submission checks completeness)."""

    locals().update(_FIELDS)
    exception_request = forms.CharField(
        label=_("如认为被提示的内容属于法律允许的情形，请说明理由（由审核员认定）"),
        required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def changes(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data.pop("exception_request", None)
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("审核结论"), widget=forms.RadioSelect,
                                 choices=[("publish", _("发布")), ("reject", _("退回修改"))])
    reason = forms.CharField(label=_("理由（退回时必填）"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class FlagAcceptForm(forms.Form):
    reason = forms.CharField(label=_("认定为合法例外的理由"), widget=forms.Textarea(
        attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV 文件（UTF-8，首行为表头）"))
