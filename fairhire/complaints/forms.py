"""Forms for complaints, agreements, evaluations and fees: parsing only; rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fairhire.complaints.models import Category, Complaint, DocumentKind, Question, SubjectKind
from fairhire.complaints.services.fees import PAYERS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class ComplaintForm(forms.Form):
    category = forms.ChoiceField(label=_("投诉类别"), choices=Category.choices)
    subject_kind = forms.ChoiceField(label=_("投诉对象"), choices=SubjectKind.choices,
                                     widget=forms.HiddenInput)
    subject_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    description = forms.CharField(label=_("情况说明"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 6}))
    evidence = MultipleFileField(label=_("证据（PDF、JPEG 或 PNG，每个不超过 10 MB，最多 5 个）"),
                                 required=False)
    contact = forms.CharField(label=_("联系方式（选填，便于我们回复你）"), max_length=200,
                              required=False)
    challenge_answer = forms.CharField(label=_("验证题"), max_length=8, required=False)
    challenge_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, anonymous: bool = False, question: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if anonymous:
            self.fields["challenge_answer"].label = question
            self.fields["challenge_answer"].required = True
        else:
            for name in ("contact", "challenge_answer", "challenge_token"):
                del self.fields[name]


class TrackForm(forms.Form):
    number = forms.CharField(label=_("编号"), max_length=24)
    code = forms.CharField(label=_("查询码"), max_length=20)


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("承办人"), queryset=None, empty_label=None)

    def __init__(self, *args, operators=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = operators
        self.fields["owner"].label_from_instance = lambda u: u.display_name or u.username


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("处理"), widget=forms.RadioSelect, choices=[
        (s, label) for s, label in Complaint.Status.choices if s != Complaint.Status.RECEIVED])
    note = forms.CharField(label=_("说明（不予受理的理由、处理结果或移交理由，将发送给投诉人）"),
                           required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, allowed=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if allowed is not None:  # offer only the steps the complaint can take now
            field = self.fields["to_status"]
            field.choices = [(s, label) for s, label in field.choices if s in allowed]


class ReferralExportForm(forms.Form):
    fmt = forms.ChoiceField(label=_("格式"), choices=[("csv", "CSV"), ("json", "JSON")])
    destination = forms.CharField(label=_("导出目的地（国家或地区代码）"), max_length=8,
                                  initial="CN")
    recipient = forms.CharField(label=_("接收方"), max_length=200, required=False)
    purpose = forms.CharField(label=_("导出目的"), max_length=300)
    lawful_basis = forms.CharField(label=_("合法性基础"), max_length=300)


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(label=_("文件"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("标题"), max_length=120)
    body = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 16}))
    summary = forms.CharField(label=_("修订说明"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    effective_at = forms.DateTimeField(label=_("生效时间（留空则立即生效）"), required=False,
                                       widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class AcceptForm(forms.Form):
    agree = forms.BooleanField(label=_("我已阅读并同意以上协议和规则"))


class EvaluationForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("评分"), coerce=int, widget=forms.RadioSelect,
                                    choices=[(n, str(n)) for n in range(5, 0, -1)])
    comment = forms.CharField(label=_("评价与建议"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, questions: list[Question] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for q in self.questions:
            name = f"q{q.pk}"
            if q.type == Question.Type.RATING:
                field = forms.ChoiceField(widget=forms.RadioSelect,
                                          choices=[(n, str(n)) for n in range(5, 0, -1)])
            elif q.type == Question.Type.YES_NO:
                field = forms.ChoiceField(widget=forms.RadioSelect,
                                          choices=[("yes", _("是")), ("no", _("否"))])
            elif q.type == Question.Type.CHOICE:
                field = forms.ChoiceField(choices=[("", "—")] + [(c, c) for c in q.choices])
            else:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
            field.label, field.required = q.text, q.required
            self.fields[name] = field

    def answers(self) -> dict[str, object]:
        return {str(q.pk): self.cleaned_data.get(f"q{q.pk}") for q in self.questions}


class QuestionnaireForm(forms.Form):
    subject_kind = forms.CharField(label=_("服务类别（如 complaint、application）"), max_length=32)
    title = forms.CharField(label=_("问卷标题"), max_length=120)
    questions = forms.CharField(
        label=_("问题（每行一个：类型|问题|选项1/选项2|必答）"),
        help_text=_("类型为 rating、text、choice 或 yes_no；例如：rating|回复是否及时||必答"),
        widget=forms.Textarea(attrs={"rows": 8}), required=False)

    def question_data(self):
        from fairhire.complaints.services.evaluations import QuestionData

        rows = []
        for line in self.cleaned_data["questions"].splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")] + ["", "", ""]
            rows.append(QuestionData(type=parts[0], text=parts[1],
                                     choices=tuple(c for c in parts[2].split("/") if c.strip()),
                                     required=parts[3] in ("必答", "required", "1", "yes")))
        return rows


class FeeForm(forms.Form):
    item = forms.CharField(label=_("服务项目"), max_length=100, required=False)
    standard = forms.CharField(label=_("收费标准"), max_length=200, required=False)
    payer = forms.ChoiceField(label=_("付费方"), choices=list(PAYERS.items()))


FeeFormSet = forms.formset_factory(FeeForm, extra=3, can_delete=True, max_num=30,
                                   validate_max=True)


class FeeNoteForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
