"""Scan every response and log line a test produces for unmasked ID numbers and phone numbers
reaching someone not entitled to them (SECURITY.md control 12).

A response may show a registered person's ID number or phone whole only to that person, to a
viewer whose unmasked view was recorded in the PI access log, or back to whoever just typed it
(a form shown again with its errors). Log lines may never hold one. The conftest of each test
package that wants the scan installs :class:`LeakScanMiddleware` and checks :data:`FOUND`.
"""

from __future__ import annotations

import logging
import re

from django.http.request import RawPostDataException

from fairhire.orgs.identifiers import id_check_char
from fairhire.privacy import crypto

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{16}[\dXx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d{9})(?![0-9])")

FOUND: list[str] = []


def _id_numbers(text: str) -> set[str]:
    return {m.upper() for m in ID_NUMBER.findall(text) if id_check_char(m[:17]) == m[17].upper()}


def owners_in(text: str, *, echoed: str = "") -> list[tuple[str, int]]:
    """(kind, user id) for every whole ID number or mobile number in ``text`` that belongs to a
    registered person; numbers nobody registered (random digits in a URL) are not personal
    information and are passed over."""
    from fairhire.profiles.models import SeekerProfile

    candidates = [("id_number", v, crypto.Purpose.ID_NUMBER) for v in _id_numbers(text)]
    candidates += [("phone", v, crypto.Purpose.PHONE) for v in set(MOBILE.findall(text))]
    owners = []
    for kind, value, purpose in candidates:
        if value in echoed:
            continue
        index = crypto.blind_index(value, purpose=purpose)
        lookup = {"id_number_index": index} if kind == "id_number" else {"phone_index": index}
        owner = SeekerProfile.objects.filter(**lookup).values_list("user_id", flat=True).first()
        if owner is not None:
            owners.append((kind, owner))
    return owners


def leaks_in(*, text: str, viewer, echoed: str = "") -> list[str]:
    """What in ``text`` ``viewer`` may not see whole; each item names the kind and the owner."""
    from fairhire.privacy.models import PiAccess

    viewer_id = getattr(viewer, "pk", None) if getattr(viewer, "is_authenticated", False) else None
    found = []
    for kind, owner in owners_in(text, echoed=echoed):
        if owner == viewer_id:
            continue
        logged = PiAccess.objects.filter(viewer_id=viewer_id, subject_id=owner)
        if viewer_id and any(kind in fields for fields in logged.values_list("fields", flat=True)):
            continue
        found.append(f"{kind} of user {owner} shown to {getattr(viewer, 'role', 'anonymous')}")
    return found


class LeakScanMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        echoed = ""
        if request.method != "GET":
            try:
                echoed = request.body.decode("utf-8", "replace")
            except RawPostDataException:  # a multipart form already read: its fields remain
                echoed = " ".join(v for _k, values in request.POST.lists() for v in values)
        response = self.get_response(request)
        if getattr(response, "streaming", False):
            return response
        viewer = getattr(request, "auth", None) or getattr(request, "user", None)
        text = response.content.decode("utf-8", "replace")
        FOUND.extend(f"{request.method} {request.path}: {leak}"
                     for leak in leaks_in(text=text, viewer=viewer, echoed=echoed))
        return response


class LeakScanLogHandler(logging.Handler):
    """No log line may hold a registered person's whole ID number or mobile number."""

    def emit(self, record: logging.LogRecord) -> None:
        text = self.format(record)
        if (_id_numbers(text) or MOBILE.search(text)) and owners_in(text):
            FOUND.append(f"log {record.name}: {text[:200]}")
