"""The privacy notices a person consents to, by kind and version (SECURITY.md control 13).

A consent record keeps the kind and the version the person saw, so when a notice changes its
version changes and the records still say which text each person accepted (PIPL Arts 14, 17, 29).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentKind(models.TextChoices):
    GENERAL = "general", _("个人信息处理规则")
    ID_NUMBER = "id_number", _("身份证号码单独同意")
    RESUME_SENDING = "resume_sending", _("向用人单位发送简历单独同意")


@dataclass(frozen=True)
class Notice:
    kind: str
    version: str
    title: str
    text: str


NOTICES: dict[str, Notice] = {
    ConsentKind.GENERAL: Notice(
        ConsentKind.GENERAL, "2026.1", _("个人信息处理规则"),
        _("我们为向你提供求职服务处理你的姓名、联系方式、地址和简历信息，"
          "加密保存，仅在你同意或法律规定的范围内向用人单位提供。"
          "你可以随时查阅、下载、更正你的信息，撤回同意或注销账号。")),
    ConsentKind.ID_NUMBER: Notice(
        ConsentKind.ID_NUMBER, "2026.1", _("身份证号码处理单独告知"),
        _("身份证号码属于敏感个人信息。我们仅为实名注册和“一人一号”核验而处理它，"
          "加密保存，绝不向用人单位提供。")),
    ConsentKind.RESUME_SENDING: Notice(
        ConsentKind.RESUME_SENDING, "2026.1", _("简历投递单独告知"),
        _("你投递简历时，我们将你的简历和你同意提供的联系方式发送给该用人单位。"
          "撤回同意后，用人单位将无法再查看你的简历。")),
}


def notice_current(kind: str) -> Notice:
    return NOTICES[ConsentKind(kind)]
