"""Posting forms: parsing only; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.forms.models import fields_for_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fairhire.postings.models import JobPosting
from fairhire.postings.services import DATA_FIELDS

_TEXTAREAS = {"requirements", "duties", "working_conditions"}
_FIELDS = fields_for_model(
    JobPosting, fields=DATA_FIELDS,
    widgets={**{name: forms.Textarea(attrs={"rows": 4}) for name in _TEXTAREAS},
             "valid_until": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})})


class CodePicker(forms.TextInput):
    """A text input that offers matching codes from a national code table as the user types
    (name, pinyin initials or code; ``reference-pick`` answers a ``<datalist>``)."""

    template_name = "postings/_code_picker.html"

    def __init__(self, kind: str, attrs=None) -> None:
        super().__init__(attrs)
        self.kind = kind

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        datalist = f"{attrs.get('id', name)}_options"
        context["widget"]["attrs"].update({
            "list": datalist, "autocomplete": "off",
            "hx-get": reverse("reference-pick", args=[self.kind]) + f"?field={name}",
            "hx-trigger": "input changed delay:300ms", "hx-target": f"#{datalist}",
            "hx-swap": "innerHTML"})
        context["datalist"] = datalist
        return context


def _code_choices(kind: str, *, blank: str):
    from fairhire.reference.selectors import code_table

    def choices():
        rows = code_table(kind=kind).objects.filter(in_force=True).order_by("code")
        return [("", blank), *[(r.code, f"{r.code} {r.name}" if kind != "employment-types"
                                else r.name) for r in rows]]
    return choices


class PostingForm(forms.Form):
    """Every content field; all optional while drafting (submission checks completeness).

    ``employers`` (an agency's new posting only): the employers that entrusted the agency;
    the form then asks which one the posting is for."""

    locals().update(_FIELDS)
    exception_request = forms.CharField(
        label=_("如认为被提示的内容属于法律允许的情形，请说明理由（由审核员认定）"),
        required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, employers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Small tables as lists; the large ones (regions, occupations) as searchable pickers.
        for name, kind, blank in (("employment_type", "employment-types", _("请选择用工形式")),
                                  ("education_code", "education", _("不限或不要求")),
                                  ("industry_code", "industries", _("不填"))):
            field = self.fields[name]
            self.fields[name] = forms.ChoiceField(
                label=field.label, required=False,
                choices=_code_choices(kind, blank=str(blank)))
        for name, kind in (("work_region_code", "regions"),
                           ("occupation_code", "occupations")):
            self.fields[name].widget = CodePicker(kind)
            self.fields[name].help_text = _("输入名称、拼音首字母或代码后从列表中选择。")
        if employers is not None:
            self.fields = {"employer": _employer_field(employers), **self.fields}

    def changes(self) -> dict[str, object]:
        data = dict(self.cleaned_data)
        data.pop("exception_request", None)
        data.pop("employer", None)
        return data


def _employer_field(employers) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=employers, label=_("委托发布的用人单位"),
        empty_label=_("请选择委托本机构的用人单位"),
        help_text=_("只列出委托本机构发布、委托仍有效的用人单位。"),
        error_messages={"required": _("请选择用人单位。")})


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("审核结论"), widget=forms.RadioSelect,
                                 choices=[("publish", _("发布")), ("reject", _("退回修改"))])
    reason = forms.CharField(label=_("理由（退回时必填）"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))


class FlagAcceptForm(forms.Form):
    reason = forms.CharField(label=_("认定为合法例外的理由"), widget=forms.Textarea(
        attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV（UTF-8）或 Excel（.xlsx）文件，首行为表头"))

    def __init__(self, *args, employers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields = {"employer": _employer_field(employers), **self.fields}


class EntrustmentForm(forms.Form):
    agency_uscc = forms.CharField(label=_("受托机构的统一社会信用代码"), min_length=18,
                                  max_length=18)
    reference = forms.CharField(label=_("委托书编号或说明"), max_length=200)
    valid_until = forms.DateField(label=_("委托有效期至（可不填）"), required=False,
                                  widget=forms.DateInput(format="%Y-%m-%d",
                                                         attrs={"type": "date"}))
