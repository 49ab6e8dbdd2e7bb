"""A TimelineJS story (its JSON format) read into a :class:`StorySource`.

``title`` is the title slide; each of ``events`` becomes a chapter, dated
from ``start_date`` (and ``end_date``: a range), in the order TimelineJS
shows them (by start date; equal dates keep the file's order). A date
Storyport cannot hold as ISO 8601 (a year before 1 or after 9999, a time of
day is dropped) leaves the chapter undated with TimelineJS's display text as
its summary. ``eras`` have no table of their own in a package: each chapter
in an era names it in its summary, and the about page lists the eras.
"""

from __future__ import annotations

from typing import Any

from story.dates import DateError, normalize_date
from story.interop.html_markdown import html_to_plain
from story.interop.model import ChapterSource, StorySource
from story.interop.storymap import add_media, body_with_embeds, number, obj, read_title_slide, text

#: The heading of the list of eras on the about page (``export-json`` reads it back).
ERAS_HEADING = "**Eras**\n\n"
#: Sort key of an event without a usable start date: after every dated one.
_LAST = (float("inf"), 0.0, 0.0, 0.0, 0.0, 0.0)


def _part(raw: dict[str, Any], key: str, lo: int, hi: int) -> int | None:
    v = number(raw.get(key))
    return int(v) if v is not None and v == int(v) and lo <= v <= hi else None


def iso_date(raw: Any) -> str | None:
    """A TimelineJS date object as ISO 8601 at year, month or day precision, or None."""
    d = obj(raw)
    year = _part(d, "year", 1, 9999)
    if year is None:
        return None
    out = f"{year:04d}"
    month = _part(d, "month", 1, 12)
    if month is None:
        return out
    out += f"-{month:02d}"
    day = _part(d, "day", 1, 31)
    return out + (f"-{day:02d}" if day is not None else "")


def sort_key(raw: Any) -> tuple[float, ...]:
    d = obj(raw)
    year = number(d.get("year"))
    if year is None:
        return _LAST
    rest = [number(d.get(k)) for k in ("month", "day", "hour", "minute", "second")]
    return (year, *[v if v is not None else 0.0 for v in rest])


def chapter_date(event: dict[str, Any]) -> str | None:
    start, end = iso_date(event.get("start_date")), iso_date(event.get("end_date"))
    if start is None:
        return None
    candidates = [f"{start}/{end}"] if end and end != start else []
    # a day that does not exist (1900-02-30) keeps its month (a JS Date would roll it over)
    for value in [*candidates, start, start[:7], start[:4]]:
        try:
            return normalize_date(value)
        except DateError:
            continue
    return None


def display_date(event: dict[str, Any]) -> str:
    """How TimelineJS would show a date Storyport cannot store (e.g. ``-500``)."""
    shown = html_to_plain(text(event.get("display_date")))
    if shown:
        return shown
    start = obj(event.get("start_date"))
    year = number(start.get("year"))
    if year is None:
        return ""
    return f"{-int(year)} BCE" if year < 0 else str(int(year))


def _eras(doc: dict[str, Any]) -> list[tuple[str, str, tuple[float, ...], tuple[float, ...]]]:
    out = []
    for era in doc.get("eras") or []:
        if not isinstance(era, dict):
            continue
        name = html_to_plain(text(obj(era.get("text")).get("headline")))
        start, end = era.get("start_date"), era.get("end_date")
        span = "/".join(d for d in (iso_date(start), iso_date(end)) if d)
        if name:
            out.append((name, span, sort_key(start), sort_key(end)))
    return out


def read_timeline(doc: dict[str, Any], fallback_title: str) -> StorySource:
    story = StorySource(kind="timeline", title="")
    title = obj(doc.get("title"))
    if title:
        read_title_slide(story, title)
    story.title = story.title or fallback_title
    eras = _eras(doc)
    story.eras = [(name, span) for name, span, _, _ in eras]
    if eras:
        listed = "\n".join(
            f"- {name}" + (f" ({span})" if span else "") for name, span in story.eras
        )
        story.about_md = f"{story.about_md}\n\n{ERAS_HEADING}{listed}".strip()
    events = [e for e in doc.get("events", []) if isinstance(e, dict)]
    ordered = sorted(enumerate(events), key=lambda p: (sort_key(p[1].get("start_date")), p[0]))
    for n, (_, event) in enumerate(ordered, start=1):
        t = obj(event.get("text"))
        ch = ChapterSource(title=html_to_plain(text(t.get("headline")), br=" — ") or f"Event {n}")
        ch.body_md = body_with_embeds(text(t.get("text")), ch)
        add_media(ch, event.get("media"))
        background = obj(event.get("background"))
        if text(background.get("url")).strip():
            add_media(ch, {"url": background["url"]}, role="background")
        ch.date = chapter_date(event)
        notes = []
        if ch.date is None:
            notes.append(display_date(event))
        key = sort_key(event.get("start_date"))
        notes += [f"Era: {name}" for name, _, lo, hi in eras if lo <= key <= hi]
        group = html_to_plain(text(event.get("group")))
        if group:
            notes.append(f"Group: {group}")
        ch.summary = " · ".join(n for n in notes if n)
        story.chapters.append(ch)
    return story
