from django.db import migrations

from fairhire.core.append_only import AppendOnly


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_ruleset_changes")]

    operations = [AppendOnly("screening_rulesetchange")]
