"""The activity calendar as an iCalendar file (RFC 5545) to subscribe to.

Times are China time (UTC+8, no daylight saving), written in UTC so every
client agrees without a VTIMEZONE block. DTSTAMP is the data's last change
date, not the build clock, so an unchanged calendar gives the same file.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta, timezone

from generator import addresses
from generator.model.community import Community
from generator.model.records import Activity
from generator.site.context import Site
from generator.site.events import latest_day
from generator.site.pages import DataFile

CHINA = timezone(timedelta(hours=8))
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?:\s*[-–~至]\s*(\d{1,2}):(\d{2}))?$")


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11). Every line break, CR alone included, becomes
    the two characters \\n: a raw CR or LF would end the property and let the text
    start a new one."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space,
    never splitting a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc(day: date, hour: int, minute: int) -> str:
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA).astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def uid(slug: str, activity: Activity) -> str:
    digest = hashlib.sha1(f"{activity.date}|{activity.time}|{activity.title}".encode("utf-8")).hexdigest()[:16]
    return f"{slug}-{activity.date.isoformat()}-{digest}@gongshi"


def event_lines(site: Site, community: Community, activity: Activity, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid(community.slug, activity)}", f"DTSTAMP:{stamp}"]
    match = _TIME.match(activity.time or "")
    if match:
        h1, m1, h2, m2 = match.groups()
        lines.append(f"DTSTART:{utc(activity.date, int(h1), int(m1))}")
        if h2 is not None:
            lines.append(f"DTEND:{utc(activity.date, int(h2), int(m2))}")
    else:
        lines += [f"DTSTART;VALUE=DATE:{activity.date:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{activity.date + timedelta(days=1):%Y%m%d}"]
    lines.append(f"SUMMARY:{escape(activity.title)}")
    if activity.place:
        lines.append(f"LOCATION:{escape(activity.place)}")
    description = "；".join(x for x in (activity.kind, activity.organiser and f"主办：{activity.organiser}",
                                       activity.note) if x)
    lines.append(f"DESCRIPTION:{escape(description)}")
    month = f"{activity.date.year}-{activity.date.month:02d}"
    lines.append(f"URL:{addresses.url(site.config.site_url, addresses.calendar_month(community.slug, month))}")
    lines.append("END:VEVENT")
    return lines


def community_ics(site: Site, community: Community) -> DataFile:
    changed = latest_day(site.events[community.slug]) or site.as_of
    stamp = f"{changed:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//gongshi//社区公示栏//ZH", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(community.name + '活动日历')}", "X-WR-TIMEZONE:Asia/Shanghai"]
    for activity in sorted(community.activities.activities, key=lambda a: (a.date, a.time or "", a.title)):
        lines += event_lines(site, community, activity, stamp)
    lines.append("END:VCALENDAR")
    text = "\r\n".join(fold(line) for line in lines) + "\r\n"
    return DataFile(addresses.calendar_ics(community.slug), text.encode("utf-8"))
