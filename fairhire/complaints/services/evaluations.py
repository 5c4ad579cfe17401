"""Evaluations of finished services (job-fair standard §Evaluation; JF7).

Any app invites a person to rate a service once it ends (``evaluation_invite``: an application
that closes, a complaint that is resolved); the person rates it 1-5, comments, and answers the
operators' questionnaire for that kind of service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.complaints.models import Evaluation, EvaluationInvite, Question, Questionnaire
from fairhire.complaints.policies import can_operate
from fairhire.core.audit import AuditAction, audit_record
from fairhire.core.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from fairhire.core.notifications import notify

MAX_COMMENT = 2000


@transaction.atomic
def evaluation_invite(*, user: User, subject_kind: str, subject_id: int, about_org=None,
                      subject_label: str = "", now: datetime | None = None) -> EvaluationInvite:
    """Invite ``user`` to rate a service that ended. ``subject_kind`` names the service
    (``"application"``, ``"complaint"``, ...), ``about_org`` the employer or agency that gave
    it, if any. Inviting twice for the same subject returns the first invitation."""
    now = now or timezone.now()
    subject_kind = (subject_kind or "").strip()[:32]
    if not subject_kind:
        raise InvalidInput(_("请指明服务类别。"), code="evaluations.bad_subject")
    invite, created = EvaluationInvite.objects.get_or_create(
        user=user, subject_kind=subject_kind, subject_id=subject_id,
        defaults={"about_org": about_org, "invited_at": now,
                  "subject_label": (subject_label or "")[:200]})
    if created:
        audit_record(action=AuditAction.EVALUATION_INVITED, actor=None, target=invite, now=now,
                     account="", details={"user": user.pk, "subject_kind": subject_kind,
                                          "subject_id": subject_id})
        notify(recipient=user, kind="evaluation", title=_("请评价本次服务"),
               body=_("服务已结束，欢迎为本次服务评分并提出意见。"),
               url=reverse("evaluation-form", args=[invite.pk]), now=now)
    return invite


def _answer(question: Question, value) -> object:
    if question.type == Question.Type.RATING:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 5:
            raise InvalidInput(_("“%(q)s”请评 1 至 5 分。") % {"q": question.text},
                               code="evaluations.bad_answer", field=f"q{question.pk}")
        return number
    if question.type == Question.Type.YES_NO:
        if value in (True, "yes", "true", "1", 1):
            return True
        if value in (False, "no", "false", "0", 0):
            return False
        raise InvalidInput(_("“%(q)s”请选择是或否。") % {"q": question.text},
                           code="evaluations.bad_answer", field=f"q{question.pk}")
    if question.type == Question.Type.CHOICE:
        if value not in question.choices:
            raise InvalidInput(_("“%(q)s”请从选项中选择。") % {"q": question.text},
                               code="evaluations.bad_answer", field=f"q{question.pk}")
        return value
    text = str(value).strip()
    if len(text) > MAX_COMMENT:
        raise InvalidInput(_("回答过长。"), code="evaluations.bad_answer",
                           field=f"q{question.pk}")
    return text


def questions_for(subject_kind: str) -> list[Question]:
    return list(Question.objects.filter(questionnaire__subject_kind=subject_kind, active=True))


@transaction.atomic
def evaluation_submit(*, actor: User, invite: EvaluationInvite, rating: int, comment: str = "",
                      answers: dict | None = None, now: datetime | None = None) -> Evaluation:
    """The invited person rates the service 1-5, comments, and answers the questionnaire."""
    now = now or timezone.now()
    invite = EvaluationInvite.objects.select_for_update().filter(pk=invite.pk).first()
    if invite is None or actor is None or invite.user_id != actor.pk:
        raise NotFound(_("未找到该评价邀请。"), code="evaluations.not_found")
    if invite.completed_at is not None:
        raise RuleViolation(_("你已评价过本次服务。"), code="evaluations.already_done")
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise InvalidInput(_("请评 1 至 5 分。"), code="evaluations.bad_rating", field="rating")
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise InvalidInput(_("评价不能超过 %(n)s 字。") % {"n": MAX_COMMENT},
                           code="evaluations.comment_long", field="comment")
    answers = {str(k): v for k, v in (answers or {}).items()}
    recorded = {}
    for question in questions_for(invite.subject_kind):
        value = answers.get(str(question.pk))
        if value in (None, ""):
            if question.required:
                raise InvalidInput(_("请回答“%(q)s”。") % {"q": question.text},
                                   code="evaluations.answer_required", field=f"q{question.pk}")
            continue
        recorded[str(question.pk)] = {"question": question.text, "type": question.type,
                                      "answer": _answer(question, value)}
    evaluation = Evaluation.objects.create(invite=invite, rating=rating, comment=comment,
                                           answers=recorded, submitted_at=now)
    invite.completed_at = now
    invite.save(update_fields=["completed_at"])
    audit_record(action=AuditAction.EVALUATION_SUBMITTED, actor=actor, target=evaluation,
                 now=now, details={"subject_kind": invite.subject_kind, "rating": rating})
    return evaluation


@dataclass(frozen=True)
class QuestionData:
    text: str
    type: str = Question.Type.TEXT
    choices: tuple[str, ...] = ()
    required: bool = False


@transaction.atomic
def questionnaire_save(*, actor: User, subject_kind: str, title: str,
                       questions: list[QuestionData],
                       now: datetime | None = None) -> Questionnaire:
    """Operators set the questions asked after one kind of service. Earlier answers keep the
    question texts they were given with, so replacing questions loses nothing."""
    now = now or timezone.now()
    if not can_operate(actor=actor):
        raise PermissionDenied(_("只有平台运营人员可以修改问卷。"), code="evaluations.not_operator")
    subject_kind = (subject_kind or "").strip()
    if not subject_kind or len(subject_kind) > 32:
        raise InvalidInput(_("请指明服务类别。"), code="evaluations.bad_subject",
                           field="subject_kind")
    if not (title or "").strip():
        raise InvalidInput(_("请填写问卷标题。"), code="evaluations.title_required",
                           field="title")
    for index, q in enumerate(questions, 1):
        if not q.text.strip():
            raise InvalidInput(_("第 %(n)s 个问题没有内容。") % {"n": index},
                               code="evaluations.question_empty", field="questions")
        if q.type not in Question.Type.values:
            raise InvalidInput(_("第 %(n)s 个问题的类型不正确。") % {"n": index},
                               code="evaluations.question_type", field="questions")
        if q.type == Question.Type.CHOICE and len([c for c in q.choices if c.strip()]) < 2:
            raise InvalidInput(_("第 %(n)s 个问题是单选题，至少需要两个选项。") % {"n": index},
                               code="evaluations.question_choices", field="questions")
    questionnaire, _created = Questionnaire.objects.update_or_create(
        subject_kind=subject_kind, defaults={"title": title.strip()[:120], "updated_at": now})
    questionnaire.questions.update(active=False)
    for index, q in enumerate(questions, 1):
        Question.objects.create(
            questionnaire=questionnaire, position=index, text=q.text.strip()[:200], type=q.type,
            choices=[c.strip() for c in q.choices if c.strip()]
            if q.type == Question.Type.CHOICE else [], required=q.required)
    audit_record(action=AuditAction.QUESTIONNAIRE_SAVED, actor=actor, target=questionnaire,
                 now=now, details={"subject_kind": subject_kind, "questions": len(questions)})
    return questionnaire
