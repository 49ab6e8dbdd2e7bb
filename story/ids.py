"""Typed ids for the rows a person edits: chapters, media, maps and places.

A chapter's id never changes, while its number (its 1-based place in the
story) changes whenever chapters move. Mixing the two once put imported
files in the wrong chapter (commit 723cd15), so the write API takes these
types and mypy refuses a bare ``int`` where a ``ChapterId`` is meant. Numbers
typed by a person (``--chapter 3``) become ids at the edge, through
``story.editing.chapters.chapter_id_at``.
"""

from __future__ import annotations

from typing import NewType

#: A chapter's row id: stable while chapters move, unlike its 1-based number.
ChapterId = NewType("ChapterId", int)
#: A medium's id: the SHA-256 of its master bytes, in hex.
MediaId = NewType("MediaId", str)
#: A map's row id.
MapId = NewType("MapId", int)
#: A place's row id (places are owned by chapters; only the storage code sees it).
PlaceId = NewType("PlaceId", int)

__all__ = ["ChapterId", "MapId", "MediaId", "PlaceId"]
