import pytest
from django.test import RequestFactory

from fairhire.core.request_context import client_ip


@pytest.mark.parametrize(("proxies", "remote", "forwarded", "expected"), [
    # A forged header from an untrusted peer is ignored.
    (set(), "203.0.113.5", "1.2.3.4", "203.0.113.5"),
    # Behind a trusted proxy, the first untrusted hop from the right is the client.
    ({"10.0.0.1"}, "10.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
    ({"10.0.0.1", "10.0.0.2"}, "10.0.0.1", "198.51.100.7, 10.0.0.2", "198.51.100.7"),
    ({"10.0.0.1"}, "10.0.0.1", "", "10.0.0.1"),
    ({"10.0.0.1"}, "10.0.0.1", "not-an-address", "10.0.0.1"),
    (set(), "::1", "", "::1"),
])
def test_the_client_address_trusts_forwarded_headers_only_from_trusted_proxies(
        settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = frozenset(proxies)
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
