from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    JobPosting = apps.get_model("postings", "JobPosting")
    # Before revisions existed, a posting that was ever published showed its latest version.
    JobPosting.objects.filter(published_at__isnull=False).update(published_version=F("version"))


class Migration(migrations.Migration):
    dependencies = [("postings", "0003_revisions_entrustments_published_version")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
