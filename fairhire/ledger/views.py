"""The ledger's public page: the latest checkpoint and how anyone can check it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fairhire.ledger import selectors
from fairhire.ledger.checkpoint import public_key_text
from fairhire.ledger.keys import log_public_key, witness_public_key


def ledger_home(request: HttpRequest) -> HttpResponse:
    return render(request, "ledger/home.html", {
        "checkpoint": selectors.checkpoint_latest_or_none(),
        "log_public_key": public_key_text(log_public_key()),
        "witness_public_key": public_key_text(witness_public_key()),
    })
