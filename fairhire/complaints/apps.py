from functools import partial

from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "fairhire.complaints"
    label = "complaints"

    def ready(self) -> None:
        from fairhire.complaints.services.complaints import EVIDENCE_AREA, EVIDENCE_TABLE
        from fairhire.orgs import uploads
        from fairhire.privacy.sealed import file_store_register

        # Key rotation and the self-inspection reach the encrypted evidence files too.
        file_store_register(name="complaints", files=partial(
            uploads.sealed_files, area=EVIDENCE_AREA, table=EVIDENCE_TABLE))
