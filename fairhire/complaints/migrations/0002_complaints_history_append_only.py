from django.db import migrations

from fairhire.core.append_only import AppendOnly


class Migration(migrations.Migration):
    """Complaint histories, agreement versions and acceptances, evaluations and the platform's
    fee disclosures are service records: refused UPDATE and DELETE in the database itself
    (SECURITY.md control 19; Regulation Art. 26)."""

    # core 0002 creates the PostgreSQL function the append-only triggers call.
    dependencies = [("complaints", "0001_complaints_agreements_evaluations_fees"),
                    ("core", "0002_auditevent_append_only")]

    operations = [
        AppendOnly("complaints_complaintevent"),
        AppendOnly("complaints_agreementversion"),
        AppendOnly("complaints_agreementacceptance"),
        AppendOnly("complaints_evaluation"),
        AppendOnly("complaints_feedisclosure"),
    ]
