"""The ledger's writes: appending, checkpoints, verification, retention, backups."""

from fairhire.ledger.services.appending import (
    ObjectRef,
    Record,
    entry_leaf,
    entry_time,
    ledger_append,
    ledger_append_many,
)
from fairhire.ledger.services.checkpoints import (
    checkpoint_cosign,
    checkpoint_sign,
    cosignature_submit,
    tree_head,
)
from fairhire.ledger.services.retention import (
    ledger_redact,
    retention_erase_due,
    retention_eraser_register,
    retention_require_expired,
    retention_set,
)
from fairhire.ledger.services.verification import VerificationReport, ledger_verify

__all__ = [
    "ObjectRef",
    "Record",
    "VerificationReport",
    "checkpoint_cosign",
    "checkpoint_sign",
    "cosignature_submit",
    "entry_leaf",
    "entry_time",
    "ledger_append",
    "ledger_append_many",
    "ledger_redact",
    "ledger_verify",
    "retention_erase_due",
    "retention_eraser_register",
    "retention_require_expired",
    "retention_set",
    "tree_head",
]
