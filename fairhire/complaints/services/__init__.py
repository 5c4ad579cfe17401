"""Complaints, agreements, evaluations and fee-disclosure use cases; callers import from here."""

from fairhire.complaints.services.agreements import agreement_accept, agreement_publish
from fairhire.complaints.services.complaints import (
    EvidenceFile,
    complaint_assign,
    complaint_evidence_add,
    complaint_posting_reinstate,
    complaint_posting_suspend,
    complaint_submit,
    complaint_transition,
    deadline_days,
    evidence_read,
    referrals_export,
)
from fairhire.complaints.services.evaluations import (
    QuestionData,
    evaluation_invite,
    evaluation_submit,
    questionnaire_save,
)
from fairhire.complaints.services.fees import platform_fees_publish

__all__ = [
    "EvidenceFile",
    "QuestionData",
    "agreement_accept",
    "agreement_publish",
    "complaint_assign",
    "complaint_evidence_add",
    "complaint_posting_reinstate",
    "complaint_posting_suspend",
    "complaint_submit",
    "complaint_transition",
    "deadline_days",
    "evaluation_invite",
    "evaluation_submit",
    "evidence_read",
    "platform_fees_publish",
    "questionnaire_save",
    "referrals_export",
]
