"""In-app notifications with an e-mail copy: the one way any domain tells a person something.

``notify`` writes the row in the caller's transaction; the e-mail leaves on commit (STYLE.md
habit 5), so a rolled-back change notifies nobody.
"""

from __future__ import annotations

from datetime import datetime

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairhire.accounts.models import User
from fairhire.core.errors import NotFound
from fairhire.core.models import Notification


def _email_address(user: User) -> str:
    if user.email:
        return user.email
    # A job seeker's e-mail is stored sealed in the real-name profile (SECURITY.md control 9).
    profile = getattr(user, "seeker_profile", None)
    return profile.unseal("email") if profile is not None and profile.email else ""


def notify(*, recipient: User, kind: str, title: str, body: str = "", url: str = "",
           email: bool = True, now: datetime | None = None) -> Notification:
    """Tell ``recipient`` something in the platform, and by e-mail when ``email`` is set."""
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, title=title[:200], body=body, url=url[:300],
        created_at=now or timezone.now())
    if email and recipient.is_active:
        address = _email_address(recipient)
        if address:
            text = "\n\n".join(part for part in (body, url) if part)
            transaction.on_commit(lambda: send_mail(title, text, None, [address],
                                                    fail_silently=True))
    return notification


def notifications_of(*, actor: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=actor.pk)


def unread_count(*, actor: User) -> int:
    return notifications_of(actor=actor).filter(read_at__isnull=True).count()


def notification_mark_read(*, actor: User, notification_id: int | None = None,
                           now: datetime | None = None) -> int:
    """Mark one of the actor's notifications read (another person's answers 404), or all."""
    rows = notifications_of(actor=actor).filter(read_at__isnull=True)
    if notification_id is not None:
        if not notifications_of(actor=actor).filter(pk=notification_id).exists():
            raise NotFound(_("未找到该通知。"), code="notifications.not_found")
        rows = rows.filter(pk=notification_id)
    return rows.update(read_at=now or timezone.now())
