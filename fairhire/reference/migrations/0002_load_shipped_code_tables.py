"""Data: load the code tables FairHire ships (fairhire/reference/data, see PROVENANCE.md).

Separate from the schema migration and reversible. Bulk inserts: about 5,500 rows in well
under a second, which matters because every test database runs it.
"""

from django.db import migrations
from django.utils import timezone

TABLES = {
    "regions": "Region",
    "occupations": "Occupation",
    "industries": "Industry",
    "education": "EducationLevel",
    "employment-types": "EmploymentType",
}


def load(apps, schema_editor):
    from fairhire.reference.loading import load_shipped

    load_shipped(
        tables={kind: apps.get_model("reference", name) for kind, name in TABLES.items()},
        change_model=apps.get_model("reference", "RegionChange"),
        version_model=apps.get_model("reference", "CodeTableVersion"),
        loaded_at=timezone.now(),
        loaded_by="migration",
    )


def unload(apps, schema_editor):
    apps.get_model("reference", "RegionChange").objects.all().delete()
    # Children before parents: the parent foreign key protects referenced rows.
    for name in TABLES.values():
        model = apps.get_model("reference", name)
        for level in sorted(set(model.objects.values_list("level", flat=True)), reverse=True):
            model.objects.filter(level=level).delete()
    apps.get_model("reference", "CodeTableVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_code_tables")]

    operations = [migrations.RunPython(load, unload)]
