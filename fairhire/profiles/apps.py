from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "fairhire.profiles"
    label = "profiles"

    def ready(self) -> None:
        from fairhire.accounts.services import password_reset_finder_register
        from fairhire.ledger.services import retention_eraser_register
        from fairhire.profiles.services.passwords import password_reset_recipients
        from fairhire.profiles.services.rights import resume_erase, seeker_record_erase

        # What a closed account leaves under retention is erased when the retention ends.
        retention_eraser_register(model="profiles.seekerprofile", eraser=seeker_record_erase)
        retention_eraser_register(model="profiles.resume", eraser=resume_erase)
        # A seeker's e-mail is found through its blind index for a password reset.
        password_reset_finder_register(password_reset_recipients)
