"""Screening API: check a text (anyone signed in); tune the ruleset (operators)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from fairhire.accounts.api import RateLimitedOut
from fairhire.core.api import ErrorOut
from fairhire.screening import selectors, services
from fairhire.screening.models import RulesetChange
from fairhire.screening.services import CHECK_TEXT_MAX

router = Router(tags=["screening"])


class CheckIn(Schema):
    text: str = Field(..., max_length=CHECK_TEXT_MAX)


class FlagOut(Schema):
    category: str
    severity: str
    start: int
    end: int
    excerpt: str
    basis: str
    message: str
    message_en: str
    rule: str
    term: str
    ruleset_version: str


class CheckOut(Schema):
    flags: list[FlagOut]
    ruleset: str


@router.post("/screening/check", url_name="api-screening-check",
             response={200: CheckOut, 403: ErrorOut, 429: RateLimitedOut})
def screening_check(request: HttpRequest, body: CheckIn):
    """Screen a draft text (SCREENING.md): the flags with offsets into the text you sent, and
    the version of the rules that produced them. The same flags posting submission raises."""
    result = services.text_check(actor=request.auth, text=body.text)
    return {"flags": [flag.to_dict() for flag in result.flags], "ruleset": result.ruleset_version}


class ChangeOut(Schema):
    version: int
    kind: str
    op: str
    text: str
    category: str
    severity: str
    reason: str
    actor: str
    created_at: datetime

    @staticmethod
    def resolve_actor(obj: RulesetChange) -> str:
        return obj.actor.username


class OverviewOut(Schema):
    override_version: int
    ruleset: str
    entries: list[ChangeOut]


@router.get("/operator/screening/terms", url_name="api-screening-overrides",
            response={200: OverviewOut, 403: ErrorOut})
def screening_overrides(request: HttpRequest):
    """The operators' entries in force (added terms, disabled terms, lawful phrases)."""
    overview = selectors.ruleset_overview_get(actor=request.auth)
    return {"override_version": overview.stamp.version, "ruleset": overview.ruleset_version,
            "entries": overview.entries}


class TermIn(Schema):
    term: str = Field(..., max_length=100)
    category: str = Field(..., max_length=32)
    severity: str = Field("", max_length=10)
    reason: str = Field(..., max_length=2000)


@router.post("/operator/screening/terms", url_name="api-screening-term-add",
             response={201: ChangeOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut})
def screening_term_add(request: HttpRequest, body: TermIn):
    """Add a term to a category's lexicon; it takes effect with the next screening."""
    change = services.ruleset_term_add(actor=request.auth, term=body.term,
                                       category=body.category, severity=body.severity,
                                       reason=body.reason)
    return Status(201, change)


class DisableIn(Schema):
    term: str = Field(..., max_length=100)
    reason: str = Field(..., max_length=2000)


@router.post("/operator/screening/disabled-terms", url_name="api-screening-term-disable",
             response={201: ChangeOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut})
def screening_term_disable(request: HttpRequest, body: DisableIn):
    """Switch off a lexicon term (shipped or added)."""
    change = services.ruleset_term_disable(actor=request.auth, term=body.term, reason=body.reason)
    return Status(201, change)


class LawfulIn(Schema):
    phrase: str = Field(..., max_length=100)
    category: str = Field("", max_length=32)
    reason: str = Field(..., max_length=2000)


@router.post("/operator/screening/lawful-phrases", url_name="api-screening-lawful-phrase-add",
             response={201: ChangeOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut})
def screening_lawful_phrase_add(request: HttpRequest, body: LawfulIn):
    """Add a lawful phrase that clears flags inside it (one category, or all when empty)."""
    change = services.ruleset_lawful_phrase_add(actor=request.auth, phrase=body.phrase,
                                                category=body.category, reason=body.reason)
    return Status(201, change)


class WithdrawIn(Schema):
    kind: RulesetChange.Kind
    text: str = Field(..., max_length=100)
    reason: str = Field(..., max_length=2000)


@router.post("/operator/screening/withdrawals", url_name="api-screening-change-withdraw",
             response={201: ChangeOut, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut})
def screening_change_withdraw(request: HttpRequest, body: WithdrawIn):
    """Withdraw an entry in force; the history keeps both."""
    change = services.ruleset_change_withdraw(actor=request.auth, kind=body.kind,
                                              text=body.text, reason=body.reason)
    return Status(201, change)


@router.get("/operator/screening/changes", url_name="api-screening-change-list",
            response={200: list[ChangeOut], 403: ErrorOut})
@paginate(PageNumberPagination, page_size=50)
def screening_change_list(request: HttpRequest):
    """Every change to the overrides, newest first."""
    return selectors.ruleset_change_list(actor=request.auth)
