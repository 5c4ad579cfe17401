from __future__ import annotations

import re
from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.orgs.models import (
    ONLINE_RECRUITMENT_SCOPE,
    ChangeReport,
    Document,
    FeeItem,
    Licence,
    OrgKind,
    PlatformLicence,
    ReasonTemplate,
    ServiceType,
    UnitSize,
    UnitType,
)
from fairhire.orgs.services import Decision, FeeData, LicenceData, OrganisationData


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
    template_id = forms.TypedChoiceField(
        label=_("选用模板"), required=False, coerce=int, empty_value=None,
        help_text=_("可选一个模板，也可以只写理由；两者都有时，模板在前。"))
    reason = forms.CharField(label=_("理由"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, templates: Iterable[ReasonTemplate] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template_id"].choices = [("", _("— 不用模板，自行填写 —")), *(
            (t.pk, f"{t.title}：{t.text[:60]}") for t in templates)]


def _date_field(label, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required,
                           widget=forms.DateInput(attrs={"type": "date"}))


def split_scope(text: str) -> list[str]:
    """``"职业介绍、开展网络招聘服务"`` → ``["职业介绍", "开展网络招聘服务"]``."""
    return [part.strip() for part in re.split(r"[、,，;；\n]+", text) if part.strip()]


class AgencyForm(EmployerForm):
    """An HR service agency's registration (Regulation Arts 9-11): the employer's fields minus
    foreign recruitment, plus its service types and licences; fees come from ``FeeFormSet``."""

    recruits_foreigners = None
    service_types = forms.MultipleChoiceField(label=_("服务类型"), choices=ServiceType.choices,
                                              widget=forms.CheckboxSelectMultiple)
    hr_number = forms.CharField(label=_("人力资源服务许可证编号"), max_length=60)
    hr_authority = forms.CharField(label=_("发证机关"), max_length=120)
    hr_issued_on = _date_field(_("发证日期"))
    hr_expires_on = _date_field(_("有效期至"))
    hr_scope = forms.CharField(label=_("许可范围"), max_length=500,
                               initial=ONLINE_RECRUITMENT_SCOPE,
                               help_text=_("用顿号或换行分隔；须含“开展网络招聘服务”。"))
    telecom_declared = forms.BooleanField(label=_("本机构经营增值电信业务"), required=False)
    telecom_number = forms.CharField(label=_("增值电信业务经营许可证编号"), max_length=60,
                                     required=False)
    telecom_authority = forms.CharField(label=_("发证机关（电信）"), max_length=120,
                                        required=False)
    telecom_issued_on = _date_field(_("发证日期（电信）"), required=False)
    telecom_expires_on = _date_field(_("有效期至（电信）"), required=False)

    TELECOM_FIELDS = ("telecom_number", "telecom_authority", "telecom_issued_on",
                      "telecom_expires_on")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("telecom_declared"):
            for name in self.TELECOM_FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("经营增值电信业务的，请填写电信许可证信息。"))
        return cleaned

    def to_data(self, *, fees: list[FeeData]) -> OrganisationData:
        c = self.cleaned_data
        common = {name: c[name] for name in EmployerForm.base_fields
                  if name != "recruits_foreigners"}
        telecom = (LicenceData(number=c["telecom_number"], authority=c["telecom_authority"],
                               issued_on=c["telecom_issued_on"],
                               expires_on=c["telecom_expires_on"])
                   if c["telecom_declared"] else None)
        return OrganisationData(
            **common, service_types=c["service_types"], telecom_licence=telecom, fees=fees,
            hr_licence=LicenceData(number=c["hr_number"], authority=c["hr_authority"],
                                   issued_on=c["hr_issued_on"], expires_on=c["hr_expires_on"],
                                   scope=split_scope(c["hr_scope"])))


class FeeForm(forms.Form):
    item = forms.CharField(label=_("服务项目"), max_length=100)
    standard = forms.CharField(label=_("收费标准"), max_length=200)
    # An initial value, so an untouched blank row counts as unchanged and is skipped.
    payer = forms.ChoiceField(label=_("付费方"), choices=FeeItem.Payer.choices,
                              initial=FeeItem.Payer.EMPLOYER)


FeeFormSet = forms.formset_factory(FeeForm, extra=3, can_delete=True, max_num=50,
                                   validate_max=True)


def fee_rows(formset) -> list[FeeData]:
    """The filled, not deleted rows of a valid ``FeeFormSet``."""
    return [FeeData(**{k: v for k, v in form.cleaned_data.items() if k != "DELETE"})
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")]


class FeeScheduleForm(forms.Form):
    """No fields: carries the schedule-wide errors (a deposit, an empty schedule)."""


class ChangeReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("变更事项"), choices=ChangeReport.Kind.choices)
    new_value = forms.CharField(label=_("变更后"), max_length=200, required=False,
                                help_text=_("终止服务时不填。"))
    registered_on = _date_field(_("市场主体登记变更完成日期"))
    effective_on = _date_field(_("终止服务日期"), required=False)


class LicenceRenewForm(forms.Form):
    kind = forms.ChoiceField(label=_("许可证类型"))
    number = forms.CharField(label=_("新证编号"), max_length=60)
    authority = forms.CharField(label=_("发证机关"), max_length=120)
    issued_on = _date_field(_("发证日期"))
    expires_on = _date_field(_("有效期至"))
    scope = forms.CharField(label=_("许可范围"), max_length=500, required=False,
                            help_text=_("用顿号或换行分隔。"))
    file = forms.FileField(label=_("新证扫描件（PDF、JPEG 或 PNG，不超过 10 MB）"))

    def __init__(self, *args, kinds: Iterable[str] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Licence.Kind.choices)
        self.fields["kind"].choices = [(kind, labels[kind]) for kind in kinds]

    def licence(self) -> LicenceData:
        c = self.cleaned_data
        return LicenceData(number=c["number"], authority=c["authority"],
                           issued_on=c["issued_on"], expires_on=c["expires_on"],
                           scope=split_scope(c["scope"]))


class PlatformLicenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("证照类型"), choices=PlatformLicence.Kind.choices)
    number = forms.CharField(label=_("证照编号"), max_length=60)
    holder = forms.CharField(label=_("持证单位"), max_length=120)
    authority = forms.CharField(label=_("发证机关"), max_length=120, required=False)
    expires_on = _date_field(_("有效期至"), required=False)


class ReasonTemplateForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=60)
    text = forms.CharField(label=_("理由文本"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    active = forms.BooleanField(label=_("启用"), required=False, initial=True)
