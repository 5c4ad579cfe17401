from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.orgs.models import Document, OrgKind, UnitSize, UnitType
from fairhire.orgs.services import Decision


class EmployerForm(forms.Form):
    name = forms.CharField(label=_("单位名称"), max_length=120)
    uscc = forms.CharField(label=_("统一社会信用代码"), max_length=30)
    unit_type = forms.ChoiceField(label=_("单位性质"), choices=UnitType.choices)
    address = forms.CharField(label=_("注册地址"), max_length=200)
    region_code = forms.CharField(label=_("行政区划代码"), max_length=6,
                                  help_text=_("GB/T 2260 六位代码，例如 140105。"))
    industry_code = forms.CharField(label=_("行业代码"), max_length=5, required=False)
    size = forms.ChoiceField(label=_("单位规模"), choices=[("", "—"), *UnitSize.choices],
                             required=False)
    legal_representative = forms.CharField(label=_("法定代表人"), max_length=60)
    contact_name = forms.CharField(label=_("联系人"), max_length=60)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30)
    operator_name = forms.CharField(label=_("经办人姓名"), max_length=60)
    operator_id_number = forms.CharField(label=_("经办人身份证号码"), max_length=30)
    operator_phone = forms.CharField(label=_("经办人手机号码"), max_length=30)
    recruits_foreigners = forms.BooleanField(label=_("本单位将招用外国人"), required=False)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("材料类型"), choices=Document.Kind.choices)
    file = forms.FileField(label=_("文件（PDF、JPEG 或 PNG，不超过 10 MB）"))


class InviteForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    role = forms.ChoiceField(label=_("单位内角色"), choices=[("recruiter", _("招聘专员")),
                                                         ("viewer", _("只读人员"))])


class QueueFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=[("", _("全部")), *OrgKind.choices],
                             required=False)
    region = forms.RegexField(label=_("区划代码前缀"), regex=r"^\d{0,6}$", required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("审核结论"), widget=forms.RadioSelect, choices=[
        (Decision.APPROVE, _("通过")), (Decision.REJECT, _("不通过")),
        (Decision.REQUEST_INFO, _("要求补充材料"))])
    reason = forms.CharField(label=_("理由"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))
