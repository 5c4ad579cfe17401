"""Who may tune the screener and who may ask it to check a text."""

from __future__ import annotations

from fairhire.accounts.models import User
from fairhire.accounts.policies import Perm, has_perm


def can_tune_screening(*, actor: User | None) -> bool:
    """Operators keep the deployment's lexicon (Regulation Art. 15; issue 5 part 2)."""
    return has_perm(actor, Perm.PLATFORM_OPERATE)


def can_check_text(*, actor: User | None) -> bool:
    """Anyone signed in may check a draft before submitting it: an employer's own wording."""
    return actor is not None and actor.is_authenticated and actor.is_active
