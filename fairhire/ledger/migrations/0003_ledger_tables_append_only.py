from django.db import migrations

from fairhire.core.append_only import AppendOnly
from fairhire.ledger.redactable import RedactableOnly


class Migration(migrations.Migration):
    # core 0002 creates the PostgreSQL function the append-only triggers call.
    dependencies = [("ledger", "0002_create_log_head"), ("core", "0002_auditevent_append_only")]

    operations = [
        AppendOnly("ledger_entry"),
        AppendOnly("ledger_node"),
        AppendOnly("ledger_checkpoint"),
        AppendOnly("ledger_cosignature"),
        RedactableOnly(),
    ]
