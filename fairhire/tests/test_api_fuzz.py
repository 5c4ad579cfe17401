"""The OpenAPI schema is fuzzed and no input produces a server error (SECURITY.md control 23).

Schemathesis generates requests from ``/api/v1/openapi.json`` and sends them to the WSGI app in
the test process (same database transaction), authenticated with a real personal token.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from fairhire.accounts.models import Role
from fairhire.accounts.services import api_token_create
from fairhire.accounts.tests.factories import make_user
from fairhire.api import api


def app(environ, start_response):
    """The site as a WSGI app that keeps the test's database connection (and transaction) open.

    Like Django's test client, it stops ``close_old_connections`` from running at the request's
    end; a handler built per request sees the test's settings (plain HTTP).
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, start_response)
        body = b"".join(response)
        response.close()
        return [body]
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = app
schema.location = "/api/v1/openapi.json"


@pytest.fixture
def bearer(db):
    _token, raw = api_token_create(user=make_user(Role.SECURITY_ADMIN), name="fuzz")
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_generated_request_gets_a_server_error(case, bearer):
    case.call_and_validate(headers=bearer, checks=[not_a_server_error])
