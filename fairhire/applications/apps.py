from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "fairhire.applications"
    label = "applications"

    def ready(self) -> None:
        from fairhire.applications.services import application_record_erase
        from fairhire.ledger.services import retention_eraser_register

        # The résumé as sent and the conversation are erased when the retention ends.
        retention_eraser_register(model="applications.application",
                                  eraser=application_record_erase)
