"""Password reset for seekers, whose e-mail lives encrypted in the profile, not on the account."""

from __future__ import annotations

from fairhire.privacy import crypto
from fairhire.profiles.models import SeekerProfile
from fairhire.profiles.services.registration import email_blind_index


def password_reset_recipients(email: str) -> list[tuple[object, str]]:
    """The active seekers whose profile e-mail is ``email``, with that address (decrypted only
    for the profiles the blind index found; SECURITY.md control 10). Registered with
    ``accounts.services.password_reset_finder_register``; the reset answer stays the same for
    unknown addresses."""
    try:
        index = email_blind_index(email.strip())
    except ValueError:
        return []
    if not index:
        return []
    found = (SeekerProfile.objects.select_related("user")
             .filter(email_index=index, status=SeekerProfile.Status.ACTIVE))
    recipients = []
    for profile in found:
        address = profile.unseal("email")
        # An index collision is practically impossible; comparing costs nothing and is exact.
        if crypto.normalise(address, purpose=crypto.Purpose.EMAIL) == crypto.normalise(
                email, purpose=crypto.Purpose.EMAIL):
            recipients.append((profile.user, address))
    return recipients
