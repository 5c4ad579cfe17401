from django.db import migrations


def create_head(apps, schema_editor):
    apps.get_model("ledger", "LogHead").objects.get_or_create(pk=1, defaults={"size": 0})


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_ledger_tables")]

    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
