from django.db import migrations

from fairhire.core.append_only import AppendOnly


class Migration(migrations.Migration):
    """Submitted versions are kept unchanged (Regulation Art. 26): the database refuses
    UPDATE and DELETE on them."""

    dependencies = [("postings", "0001_job_postings_versions_flags")]

    operations = [AppendOnly("postings_postingversion")]
