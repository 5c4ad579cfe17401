"""Profiles use cases. One public function per use case; callers import from here."""

from fairhire.profiles.services.identity import (
    identity_image_delete,
    identity_image_download,
    identity_image_upload,
)
from fairhire.profiles.services.passwords import password_reset_recipients
from fairhire.profiles.services.registration import seeker_sign_up
from fairhire.profiles.services.resumes import (
    ResumeData,
    gig_card_save,
    resume_delete,
    resume_save,
)
from fairhire.profiles.services.rights import (
    my_data_collect,
    my_data_download,
    seeker_account_close,
    seeker_consent_give,
    seeker_consent_withdraw,
    seeker_profile_correct,
)
from fairhire.profiles.services.staff import seeker_profile_disclose

__all__ = [
    "ResumeData",
    "gig_card_save",
    "identity_image_delete",
    "identity_image_download",
    "identity_image_upload",
    "my_data_collect",
    "my_data_download",
    "password_reset_recipients",
    "resume_delete",
    "resume_save",
    "seeker_account_close",
    "seeker_consent_give",
    "seeker_consent_withdraw",
    "seeker_profile_correct",
    "seeker_profile_disclose",
    "seeker_sign_up",
]
