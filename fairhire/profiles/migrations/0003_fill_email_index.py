"""Fill the e-mail blind index of profiles created before it existed (password reset)."""

from django.db import migrations


def fill(apps, schema_editor):
    from fairhire.privacy import crypto

    SeekerProfile = apps.get_model("profiles", "SeekerProfile")
    for profile in SeekerProfile.objects.exclude(email="").filter(email_index="").iterator():
        context = crypto.field_context(table="profiles.seekerprofile", column="email",
                                       row_id=profile.pii_id)
        address = crypto.decrypt(profile.email, context=context)
        if address:
            profile.email_index = crypto.blind_index(address, purpose=crypto.Purpose.EMAIL)
            profile.save(update_fields=["email_index"])


class Migration(migrations.Migration):
    dependencies = [("profiles", "0002_identity_images_email_index_retention")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
