"""Complaint factories: valid by default, built through the real services."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from fairhire.accounts.models import Role
from fairhire.accounts.tests.factories import make_user
from fairhire.complaints import challenge, services
from fairhire.complaints.models import AgreementVersion

NOW = timezone.now().replace(microsecond=0)
AGREEMENT_BODY = ("第一条 进入和退出平台：用人单位和人力资源服务机构经审核后进入平台。\n"
                  "第二条 服务质量保障：平台在十五日内处理投诉。\n"
                  "第三条 求职者权益保护：不得向劳动者收取押金。\n"
                  "第四条 个人信息保护：个人信息加密存储，仅用于求职招聘服务。")


def make_operator():
    return make_user(Role.OPERATOR)


def make_complaint(*, actor=None, now: datetime | None = None, **overrides):
    actor = actor or make_user(Role.SEEKER)
    fields = {"category": "service_quality", "subject_kind": "general",
              "description": "客服电话长时间无人接听，投递简历后一直没有回复。"}
    fields.update(overrides)
    return services.complaint_submit(actor=actor, now=now or NOW, **fields)


def answered_challenge() -> dict:
    """A fresh challenge and its right answer, as a person would give it."""
    question = challenge.challenge_new()
    text = question.question
    a, b = (challenge.DIGITS.index(text[0]), challenge.DIGITS.index(text[2]))
    return {"challenge_token": question.token, "challenge_answer": str(a + b)}


def publish(*, operator=None, kind: str = "agreement", body: str = AGREEMENT_BODY,
            now: datetime | None = None, effective_at: datetime | None = None
            ) -> AgreementVersion:
    return services.agreement_publish(actor=operator or make_operator(), kind=kind,
                                      title="平台服务协议", body=body, summary="",
                                      effective_at=effective_at, now=now or NOW)


LATER = NOW + timedelta(days=1)
