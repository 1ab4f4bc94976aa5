"""iCalendar (RFC 5545) text for the tracker's follow-ups: a static site cannot remind anyone, a calendar can.

Each follow-up becomes an all-day event on its due date (an overdue one on ``today``, marked as
such) with a display alarm at 09:00 that day. UIDs are derived from the project, the department
and its occurrence, so importing a newer export updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import add_days

PRODID = "-//crossdept//跨部门协作实战//ZH"
LINE_OCTETS = 75  # RFC 5545 §3.1: lines longer than 75 octets are folded


@dataclass(frozen=True, slots=True)
class Event:
    uid_seed: str
    day: dt.date
    summary: str
    description: str
    alarm: str


def escape(text: str) -> str:
    """TEXT value escaping (§3.3.11); other control characters are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets of UTF-8, never inside a character."""
    pieces, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += ch
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def uid(seed: str) -> str:
    return f"crossdept-{hashlib.sha256(seed.encode('utf-8')).hexdigest()[:24]}@crossdept.local"


def calendar(name: str, events: Iterable[Event], stamp: dt.date | None) -> str:
    """The VCALENDAR text with CRLF line ends; ``stamp`` (today) is DTSTAMP, else each event's day."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(event.uid_seed)}",
            f"DTSTAMP:{(stamp or event.day).strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(add_days(event.day, 1) or event.day).strftime('%Y%m%d')}",
            f"SUMMARY:{escape(event.summary)}",
            f"DESCRIPTION:{escape(event.description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(event.alarm)}",
            "TRIGGER;RELATED=START:PT9H",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
