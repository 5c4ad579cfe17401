"""An interview as an iCalendar file (RFC 5545) for the seeker's and the employer's calendars.

Times are written in UTC (``...Z``), which every calendar shows in its own zone; the summary
repeats the Beijing time for people reading the file itself.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from django.utils import timezone

from fairhire.applications.models import Interview

UTC_FORMAT = "%Y%m%dT%H%M%SZ"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1)."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    return [*out, current]


def interview_ics(interview: Interview, *, host: str = "fairhire") -> str:
    start = interview.starts_at.astimezone(UTC)
    end = start + timedelta(minutes=interview.duration_minutes)
    local = timezone.localtime(interview.starts_at)
    posting = interview.application.posting
    where = interview.address or interview.meeting_link
    summary = f"面试：{posting.title}（北京时间 {local:%Y-%m-%d %H:%M}）"
    description = "\n".join(part for part in (
        f"{interview.get_mode_display()}：{where}", interview.note) if part)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//FairHire//Interviews//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:" + ("CANCEL" if interview.status == Interview.Status.CANCELLED else "PUBLISH"),
        "BEGIN:VEVENT",
        f"UID:interview-{interview.pk}@{host}",
        f"SEQUENCE:{interview.sequence}",
        f"DTSTAMP:{interview.updated_at.astimezone(UTC):{UTC_FORMAT}}",
        f"DTSTART:{start:{UTC_FORMAT}}",
        f"DTEND:{end:{UTC_FORMAT}}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"LOCATION:{_escape(where)}",
        "STATUS:" + ("CANCELLED" if interview.status == Interview.Status.CANCELLED
                     else "CONFIRMED" if interview.status == Interview.Status.CONFIRMED
                     else "TENTATIVE"),
    ]
    if interview.meeting_link:
        lines.append(f"URL:{interview.meeting_link}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
