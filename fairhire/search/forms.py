"""The posting search form: every field optional, every value bounded; the keywords are free
text (anything a person types is safe, see ``engine/segment.py``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.postings.models import PostingKind
from fairhire.profiles.models import EducationLevel, EmploymentType
from fairhire.search.models import KeyGroup


class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=10_000,
                        widget=forms.TextInput(attrs={"placeholder": _("岗位、技能、单位…")}))
    region = forms.CharField(label=_("地区代码"), required=False, max_length=12,
                             help_text=_("省级代码包含其下各市、县"))
    occupation = forms.CharField(label=_("职业代码"), required=False, max_length=12)
    industry = forms.CharField(label=_("行业代码"), required=False, max_length=5)
    pay_min = forms.IntegerField(label=_("月薪不低于（元）"), required=False, min_value=0,
                                 max_value=10_000_000)
    pay_max = forms.IntegerField(label=_("月薪不高于（元）"), required=False, min_value=0,
                                 max_value=10_000_000)
    education = forms.ChoiceField(label=_("我的学历"), required=False,
                                  choices=[("", "—"), *EducationLevel.choices])
    experience = forms.IntegerField(label=_("我的工作年限"), required=False, min_value=0,
                                    max_value=60)
    employment_type = forms.ChoiceField(label=_("用工形式"), required=False,
                                        choices=[("", "—"), *EmploymentType.choices])
    kind = forms.ChoiceField(label=_("类别"), required=False,
                             choices=[("", "—"), *PostingKind.choices])
    days = forms.IntegerField(label=_("发布于几天内"), required=False, min_value=1,
                              max_value=365)
    lat = forms.FloatField(label=_("纬度"), required=False, min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("经度"), required=False, min_value=-180, max_value=180)
    km = forms.FloatField(label=_("距离（公里）"), required=False, min_value=0.1,
                          max_value=500)
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=[
        ("relevance", _("相关度")), ("newest", _("最新发布")), ("pay", _("薪酬最高"))])
    page = forms.IntegerField(required=False, min_value=1, max_value=50,
                              widget=forms.HiddenInput)

    def params(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class SavedSearchForm(forms.Form):
    title = forms.CharField(label=_("名称"), max_length=60, required=False)


class WeightsForm(forms.Form):
    def __init__(self, *args, weights: dict[str, float], labels: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, value in weights.items():
            self.fields[name] = forms.FloatField(label=labels.get(name, name), min_value=0,
                                                 max_value=100, initial=value)


class KeyGroupForm(forms.Form):
    group = forms.ChoiceField(label=_("我属于"), choices=KeyGroup.choices)
    consent = forms.BooleanField(label=_(
        "我单独同意平台把我作为上述重点群体，向岗位合适的用人单位优先推荐（可随时撤回）"))
