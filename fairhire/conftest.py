"""Fixtures shared by every app's tests."""

import logging

import pytest


@pytest.fixture(autouse=True)
def _isolated_private_files(settings, tmp_path):
    # Exports and uploads of one test never leak into another or into var/.
    settings.PRIVATE_FILES_DIR = tmp_path / "private"


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # Production settings redirect to HTTPS; the test client speaks plain HTTP.
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render pages without running collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """A real FairHire server (runserver in a subprocess, fresh database) for browser tests."""
    from fairhire.core.testing import running_site

    with running_site(tmp_path_factory.mktemp("live-site")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (installed by `make test`)."""
    from playwright.sync_api import sync_playwright

    from fairhire.core.testing import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.set_default_timeout(30_000)  # generous: CI machines have two busy cores
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Most tests create accounts and are not about passwords; Argon2id costs ~100 MB and a tenth
    # of a second per hash. Tests about password storage ask for `production_password_hashing`.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def production_password_hashing(settings):
    from fairhire import settings as project_settings

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS


@pytest.fixture(autouse=True)
def _no_unmasked_pi_leaks(settings):
    """Every response and log line of every test is scanned (SECURITY.md control 12)."""
    from fairhire.privacy.tests import leak_scanner

    settings.MIDDLEWARE = [*settings.MIDDLEWARE,
                           "fairhire.privacy.tests.leak_scanner.LeakScanMiddleware"]
    handler = leak_scanner.LeakScanLogHandler()
    logging.getLogger().addHandler(handler)
    leak_scanner.FOUND.clear()
    yield
    logging.getLogger().removeHandler(handler)
    found, leak_scanner.FOUND[:] = list(leak_scanner.FOUND), []
    assert not found, f"unmasked personal information reached someone not entitled: {found}"
