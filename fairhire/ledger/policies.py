"""Who may see what in the ledger.

Checkpoints, hashes and proofs are public: anyone may check that the platform's records are
intact (R24.2). Payloads are the records themselves -- business data, with personal information
encrypted -- and are shown only to the regulator's inspectors and the audit administrator.
"""

from __future__ import annotations

from fairhire.accounts.policies import Perm, has_perm


def can_read_ledger_payloads(*, actor) -> bool:
    return has_perm(actor, Perm.SUPERVISE) or has_perm(actor, Perm.AUDIT_READ)
