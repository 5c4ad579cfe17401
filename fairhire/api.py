"""The JSON API at /api/v1/: every app's router, one auth scheme, one error contract."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer
from ninja.security import django_auth

from fairhire.accounts.api import TokenAuth
from fairhire.accounts.api import router as accounts_router
from fairhire.applications.api import router as applications_router
from fairhire.complaints.api import router as complaints_router
from fairhire.core.api import install_error_handlers
from fairhire.core.api import router as core_router
from fairhire.ledger.api import router as ledger_router
from fairhire.orgs.api import router as orgs_router
from fairhire.postings.api import router as postings_router
from fairhire.privacy.api import router as privacy_router
from fairhire.profiles.api import router as profiles_router
from fairhire.reference.api import router as reference_router
from fairhire.screening.api import router as screening_router
from fairhire.search.api import router as search_router


class UnicodeJSONRenderer(JSONRenderer):
    """Chinese messages as UTF-8 text rather than escaped code points."""

    media_type = "application/json; charset=utf-8"
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="FairHire API",
    version="1",
    description="FairHire 网络招聘服务平台 JSON API. Errors are `{code, message}`; messages are "
    "Chinese unless the request sends `Accept-Language: en`. Authenticate with a browser session "
    "(CSRF token required for writes) or `Authorization: Bearer <personal API token>`.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    docs_url="/docs",
    renderer=UnicodeJSONRenderer(),
)
install_error_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", core_router)
api.add_router("/reference", reference_router)
api.add_router("/", orgs_router)
api.add_router("/ledger", ledger_router)
api.add_router("/", privacy_router)
api.add_router("/", profiles_router)
api.add_router("/", screening_router)
api.add_router("/", search_router)  # before postings: /postings/search is not a posting id
api.add_router("/", postings_router)
api.add_router("/", applications_router)
api.add_router("/", complaints_router)
