"""Search API."""

from ninja import Router

router = Router(tags=["search"])
