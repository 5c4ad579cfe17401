from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "fairhire.accounts"
    label = "accounts"
    verbose_name = "Accounts"
