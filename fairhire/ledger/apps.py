from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "fairhire.ledger"
    label = "ledger"
