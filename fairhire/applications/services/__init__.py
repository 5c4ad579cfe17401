"""Applications use cases. One public function per use case; callers import from here."""

from fairhire.applications.services.applying import (
    application_contact_share,
    application_submit,
    resume_snapshot,
)
from fairhire.applications.services.interviews import (
    interview_cancel,
    interview_propose,
    interview_reminders_send,
    interview_reschedule,
    interview_respond,
)
from fairhire.applications.services.messages import message_decide, message_report, message_send
from fairhire.applications.services.selection import (
    application_bulk_reject,
    application_mark_viewed,
    application_transition,
    applications_expire,
)
from fairhire.applications.services.tracking import (
    application_record_erase,
    applications_daily_sweep,
    follow_up_record,
    posting_view_record,
)

__all__ = [
    "application_bulk_reject",
    "application_contact_share",
    "application_mark_viewed",
    "application_record_erase",
    "application_submit",
    "application_transition",
    "applications_daily_sweep",
    "applications_expire",
    "follow_up_record",
    "interview_cancel",
    "interview_propose",
    "interview_reminders_send",
    "interview_reschedule",
    "interview_respond",
    "message_decide",
    "message_report",
    "message_send",
    "posting_view_record",
    "resume_snapshot",
]
