from django.urls import path

from fairhire.accounts import views

urlpatterns = [
    path("sign-up/", views.sign_up, name="account-sign-up"),
    path("sign-in/", views.sign_in, name="account-sign-in"),
    path("sign-in/code/", views.sign_in_otp, name="account-sign-in-otp"),
    path("sign-out/", views.sign_out, name="account-sign-out"),
    path("settings/", views.account_settings, name="account-settings"),
    path("password/", views.password_change, name="account-password-change"),
    path("password/reset/", views.password_reset, name="account-password-reset"),
    path("password/reset/<uidb64>/<token>/", views.PasswordResetConfirm.as_view(),
         name="password_reset_confirm"),
    path("otp/", views.otp_setup, name="account-otp-setup"),
    path("otp/recovery-codes/", views.recovery_codes, name="account-recovery-codes"),
    path("tokens/", views.token_create, name="token-create"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token-revoke"),
    path("audit/", views.audit_list, name="audit-list"),
    path("audit/export/", views.audit_export, name="audit-export"),
    path("users/", views.user_list, name="user-list"),
    path("users/<int:user_id>/role/", views.user_role, name="user-role"),
    path("users/<int:user_id>/active/", views.user_active, name="user-active"),
    path("users/unlock/", views.lockout_release, name="lockout-release"),
]
