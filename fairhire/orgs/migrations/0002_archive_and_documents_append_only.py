from django.db import migrations

from fairhire.core.append_only import AppendOnly


class Migration(migrations.Migration):
    """The registration archive and every uploaded document version are kept (Regulation
    Art. 25, 26): the database refuses to change or delete them."""

    dependencies = [("orgs", "0001_organisations_documents_archive")]

    operations = [AppendOnly("orgs_archiveentry"), AppendOnly("orgs_document")]
