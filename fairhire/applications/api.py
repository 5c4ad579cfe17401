"""Applications API."""

from ninja import Router

router = Router(tags=["applications"])
