from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.screening.models import CATEGORY_CHOICES, RulesetChange
from fairhire.screening.services import CHECK_TEXT_MAX, TEXT_MAX

REASON = dict(label=_("理由"), max_length=2000,
              widget=forms.Textarea(attrs={"rows": 2}),
              help_text=_("记入变更历史，例如依据的条文或误报的例子。"))


class TermAddForm(forms.Form):
    term = forms.CharField(label=_("词条"), max_length=TEXT_MAX)
    category = forms.ChoiceField(label=_("类别"), choices=CATEGORY_CHOICES)
    severity = forms.ChoiceField(
        label=_("严重程度"), required=False,
        choices=[("", _("按类别默认")), *RulesetChange.Severity.choices])
    reason = forms.CharField(**REASON)


class TermDisableForm(forms.Form):
    term = forms.CharField(label=_("要停用的词条"), max_length=TEXT_MAX)
    reason = forms.CharField(**REASON)


class LawfulPhraseForm(forms.Form):
    phrase = forms.CharField(label=_("合法表述"), max_length=TEXT_MAX)
    category = forms.ChoiceField(label=_("只清除该类别的标记"), required=False,
                                 choices=[("", _("所有类别")), *CATEGORY_CHOICES])
    reason = forms.CharField(**REASON)


class WithdrawForm(forms.Form):
    kind = forms.ChoiceField(choices=RulesetChange.Kind.choices, widget=forms.HiddenInput)
    text = forms.CharField(max_length=TEXT_MAX, widget=forms.HiddenInput)
    reason = forms.CharField(**REASON)


class TryForm(forms.Form):
    text = forms.CharField(label=_("要检查的文本"), max_length=CHECK_TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 5}))
