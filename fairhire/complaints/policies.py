"""Who may do what with complaints, agreements, evaluations and the platform's fee disclosure.

Operators (``Perm.PLATFORM_OPERATE``) handle complaints, publish agreements, edit
questionnaires and fees and read evaluation results; a complainant sees only their own
complaints; what an actor may not see answers 404.
"""

from __future__ import annotations

from django.db.models import QuerySet

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm
from fairhire.complaints.models import Complaint


def can_operate(*, actor: User | None) -> bool:
    return has_perm(actor, Perm.PLATFORM_OPERATE)


def can_handle_complaint(*, actor: User | None, complaint: Complaint | None = None) -> bool:
    return can_operate(actor=actor)


def complaint_visible_to(actor: User | None) -> QuerySet[Complaint]:
    complaints = Complaint.objects.all()
    if can_operate(actor=actor):
        return complaints
    if actor is None or not actor.is_authenticated:
        return complaints.none()
    return complaints.filter(complainant=actor)


def can_complain(*, actor: User | None, subject_kind: str) -> bool:
    """Anyone signed in may complain about anything; anonymous reports only about a posting."""
    if actor is not None and actor.is_authenticated:
        return actor.is_active
    return subject_kind == "posting"
