from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.accounts.forms import SignUpForm
from fairhire.privacy.notices import NOTICES, ConsentKind
from fairhire.profiles.models import (
    Availability,
    EducationLevel,
    EmploymentType,
    IdentityImage,
    LanguageSkill,
    Resume,
    SkillLevel,
)

DATE = forms.DateInput(attrs={"type": "date"})


def _codes(text: str) -> list[str]:
    return [part for part in text.replace("，", ",").replace(" ", ",").split(",") if part]


class SeekerSignUpForm(forms.Form):
    username = SignUpForm.base_fields["username"]
    real_name = forms.CharField(label=_("真实姓名"), max_length=30,
                                help_text=_("与身份证一致。"))
    id_number = forms.CharField(label=_("身份证号码"), max_length=30,
                                widget=forms.TextInput(attrs={"autocomplete": "off"}))
    phone = forms.CharField(label=_("手机号码"), max_length=20,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))
    email = forms.EmailField(label=_("电子邮箱（选填）"), required=False)
    address = forms.CharField(label=_("住址（选填）"), max_length=200, required=False)
    password = SignUpForm.base_fields["password"]
    password_again = SignUpForm.base_fields["password_again"]
    consent_general = forms.BooleanField(
        label=_("我已阅读并同意《个人信息处理规则》"), required=False,
        help_text=NOTICES[ConsentKind.GENERAL].text)
    consent_id_number = forms.BooleanField(
        label=_("我单独同意平台为实名注册处理我的身份证号码"), required=False,
        help_text=NOTICES[ConsentKind.ID_NUMBER].text)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("两次输入的密码不一致。"))
        return data


class ResumeForm(forms.Form):
    title = forms.CharField(label=_("简历名称"), max_length=60)
    visibility = forms.ChoiceField(label=_("可见范围"), choices=Resume.Visibility.choices,
                                   initial=Resume.Visibility.APPLIED_ONLY)
    skills = forms.CharField(label=_("技能"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    skill_codes = forms.CharField(label=_("技能对应职业编码（选填，逗号分隔）"), required=False,
                                  max_length=200)
    expected_occupations = forms.CharField(label=_("期望职业（逗号分隔）"), required=False,
                                           max_length=200)
    expected_regions = forms.CharField(label=_("期望地区代码（六位，逗号分隔）"), required=False,
                                       max_length=100)
    employment_types = forms.MultipleChoiceField(
        label=_("工作性质"), choices=EmploymentType.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    pay_min = forms.IntegerField(label=_("期望月薪下限（元）"), required=False, min_value=0)
    pay_max = forms.IntegerField(label=_("期望月薪上限（元）"), required=False, min_value=0)
    availability = forms.ChoiceField(label=_("到岗时间"), required=False,
                                     choices=[("", "—"), *Availability.choices])
    self_intro = forms.CharField(label=_("自我介绍"), required=False, max_length=500,
                                 widget=forms.Textarea(attrs={"rows": 3}))

    def data_dict(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("skill_codes", "expected_occupations", "expected_regions"):
            data[name] = _codes(data[name])
        return data

    @staticmethod
    def initial_from(resume: Resume) -> dict:
        return {"title": resume.title, "visibility": resume.visibility, "skills": resume.skills,
                "skill_codes": ", ".join(resume.skill_codes),
                "expected_occupations": ", ".join(resume.expected_occupations),
                "expected_regions": ", ".join(resume.expected_regions),
                "employment_types": resume.employment_types, "pay_min": resume.pay_min,
                "pay_max": resume.pay_max, "availability": resume.availability,
                "self_intro": resume.self_intro}


class EducationForm(forms.Form):
    level = forms.ChoiceField(label=_("学历"), choices=[("", "—"), *EducationLevel.choices])
    school = forms.CharField(label=_("学校"), max_length=100)
    major = forms.CharField(label=_("专业"), max_length=100, required=False)
    start = forms.DateField(label=_("入学"), required=False, widget=DATE)
    end = forms.DateField(label=_("毕业"), required=False, widget=DATE)


class WorkForm(forms.Form):
    employer = forms.CharField(label=_("工作单位"), max_length=100)
    position = forms.CharField(label=_("职位"), max_length=100)
    start = forms.DateField(label=_("开始"), required=False, widget=DATE)
    end = forms.DateField(label=_("结束"), required=False, widget=DATE)
    duties = forms.CharField(label=_("工作内容"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))


class CertificateForm(forms.Form):
    title = forms.CharField(label=_("证书或执照"), max_length=100)
    issuer = forms.CharField(label=_("发证机构"), max_length=100, required=False)
    obtained = forms.DateField(label=_("取得日期"), required=False, widget=DATE)


class LanguageForm(forms.Form):
    language = forms.CharField(label=_("语言"), max_length=40)
    level = forms.ChoiceField(label=_("水平"), choices=[("", "—"), *LanguageSkill.Level.choices])


SECTION_FORMS = {
    "education": (EducationForm, _("教育经历")),
    "work": (WorkForm, _("工作经历")),
    "certificates": (CertificateForm, _("证书或执照")),
    "languages": (LanguageForm, _("语言能力")),
}


def section_formsets(data=None, resume: Resume | None = None) -> dict[str, forms.BaseFormSet]:
    formsets = {}
    for section, (form_class, label) in SECTION_FORMS.items():
        formset_class = forms.formset_factory(form_class, extra=1, can_delete=True,
                                              max_num=20, validate_max=True)
        initial = []
        if resume is not None:
            names = list(form_class.base_fields)
            initial = [{n: getattr(entry, n) for n in names}
                       for entry in getattr(resume, section).all()]
        formset = formset_class(data, initial=initial, prefix=section)
        formset.label = label
        formsets[section] = formset
    return formsets


def formset_entries(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")]


class GigCardForm(forms.Form):
    work_types = forms.CharField(label=_("可从事的工作"), max_length=200)
    skill_level = forms.TypedChoiceField(label=_("职业技能等级"), coerce=int,
                                         choices=SkillLevel.choices, initial=0)
    daily_pay = forms.IntegerField(label=_("期望日薪（元）"), min_value=1, max_value=100_000)
    districts = forms.CharField(label=_("可工作区县代码（六位，逗号分隔）"), max_length=200)
    hours = forms.CharField(label=_("可工作时间"), max_length=100,
                            help_text=_("例如：周末 8:00-18:00"))

    def data_dict(self) -> dict:
        return {**self.cleaned_data, "districts": _codes(self.cleaned_data["districts"])}


class CorrectForm(forms.Form):
    phone = forms.CharField(label=_("手机号码"), max_length=20)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("住址"), max_length=200, required=False)


class PurposeForm(forms.Form):
    purpose = forms.CharField(label=_("查看目的"), max_length=300,
                              help_text=_("查看未脱敏信息须说明目的，将记入个人信息访问记录。"))


class IdentityImageForm(forms.Form):
    side = forms.ChoiceField(label=_("证件面"), choices=IdentityImage.Side.choices)
    file = forms.FileField(label=_("照片（JPEG 或 PNG，不超过 10 MB）"))
