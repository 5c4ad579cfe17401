"""Privacy use cases. One public function per use case; callers import from here."""

from fairhire.privacy.services.access import pi_access_record, pi_disclose
from fairhire.privacy.services.consents import (
    consent_give,
    consent_withdraw,
    data_request_complete,
    data_request_open,
)
from fairhire.privacy.services.exports import pi_export_authorise, transfer_approval_record
from fairhire.privacy.services.inspection import (
    self_inspection_conclude,
    self_inspection_generate,
)
from fairhire.privacy.services.rotation import data_keys_rotate_run, data_keys_rotate_start

__all__ = [
    "consent_give",
    "consent_withdraw",
    "data_keys_rotate_run",
    "data_keys_rotate_start",
    "data_request_complete",
    "data_request_open",
    "pi_access_record",
    "pi_disclose",
    "pi_export_authorise",
    "self_inspection_conclude",
    "self_inspection_generate",
    "transfer_approval_record",
]
