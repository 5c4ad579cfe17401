"""Cut a text into plain and flagged pieces so a page can wrap the evidence in <mark>.

Works for the engine's ``Flag`` and for flags stored by other apps (anything with ``start``,
``end``, ``severity``, ``category`` and ``message``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from fairhire.screening.engine import Flag


@dataclass(slots=True)
class Piece:
    text: str
    flags: list[Flag] = field(default_factory=list)

    @property
    def severity(self) -> str:
        return "block" if any(f.severity == "block" for f in self.flags) else "review"

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(f"{f.category}: {f.message}" for f in self.flags))


def pieces(text: str, flags: Iterable[Flag]) -> list[Piece]:
    """Overlapping evidence is merged into one marked piece that names every flag in it."""
    spans: list[tuple[int, int, list[Flag]]] = []
    for flag in sorted(flags, key=lambda f: (f.start, f.end)):
        if spans and flag.start < spans[-1][1]:
            start, end, merged = spans[-1]
            spans[-1] = (start, max(end, flag.end), [*merged, flag])
        else:
            spans.append((flag.start, flag.end, [flag]))
    result, cursor = [], 0
    for start, end, merged in spans:
        if start > cursor:
            result.append(Piece(text[cursor:start]))
        result.append(Piece(text[start:end], merged))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result


def highlight(text: str, flags: Iterable[Flag]) -> SafeString:
    """``text`` escaped, with each flagged piece wrapped in ``<mark class="flag-<severity>">``."""
    inside = [f for f in flags if 0 <= f.start < f.end <= len(text)]
    html = [format_html('<mark class="flag-{}" title="{}">{}</mark>', p.severity, p.title, p.text)
            if p.flags else escape(p.text) for p in pieces(text, inside)]
    return mark_safe("".join(html))  # noqa: S308 (every piece is escaped above)
