from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "fairhire.orgs"
    label = "orgs"

    def ready(self) -> None:
        from fairhire.orgs import uploads
        from fairhire.privacy import crypto
        from fairhire.privacy.sealed import external_column_register, file_store_register

        # Key rotation and the self-inspection reach the operator's encrypted ID number and
        # phone and the encrypted document files (SECURITY.md control 9).
        for field, column in (("operator_id_number_enc", "operator_id_number"),
                              ("operator_phone_enc", "operator_phone")):
            external_column_register(
                model="orgs.organisation", field=field,
                context=lambda pk, column=column: crypto.field_context(
                    table="orgs.organisation", column=column, row_id=pk))
        file_store_register(name="orgs", files=uploads.sealed_files)
