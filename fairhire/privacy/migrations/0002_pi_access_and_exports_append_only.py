from django.db import migrations

from fairhire.core.append_only import AppendOnly


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_consents_access_log_exports_inspections")]

    operations = [AppendOnly("privacy_piaccess"), AppendOnly("privacy_piexport")]
