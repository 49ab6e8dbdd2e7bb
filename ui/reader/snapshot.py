"""A snapshot of a story's cover, so the reader paints its first screen before opening the package.

Start-up is the first thing a reader feels, and opening a package means
importing the storage layer (SQLAlchemy alone costs more than a bare Qt
window). The cover needs only a few words and one picture, so the reader
keeps them here: derived data in the cache folder, like renditions, rewritten
whenever the reader opens the package, and trusted only while the package
file (and its WAL) keep the size and modification time they had then.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from story.paths import cache_dir
from story.records import StoryInfo

#: Wide enough for a full-HD window; the cover is cropped to fill, never enlarged much.
SNAPSHOT_WIDTH = 1920


@dataclass(frozen=True)
class CoverSnapshot:
    info: StoryInfo
    first_title: str
    chapters: int
    credit: str
    image: Path | None
    has_map: bool = True  # a story without one shows no "Explore the map"
    key: str = ""  # ReaderMemory's key, when the texts are a translation's (format 4)

    @property
    def memory_key(self) -> str:
        """The key ReaderMemory uses for this story (the same as the full reader's)."""
        return self.key or f"{self.info.title}|{self.first_title}"


def _files(package: Path) -> tuple[Path, Path]:
    key = hashlib.sha1(str(package.resolve()).encode()).hexdigest()[:20]
    folder = cache_dir("covers")
    return folder / f"{key}.json", folder / f"{key}.jpg"


def _stamp(package: Path) -> list[int]:
    """Size and mtime of the package and of its WAL (where edits land before a checkpoint)."""
    out: list[int] = []
    for p in (package, package.with_name(package.name + "-wal")):
        try:
            st = p.stat()
        except OSError:
            out += [0, 0]
        else:  # an empty WAL (left by any reader) says nothing about the content
            out += [st.st_size, st.st_mtime_ns if st.st_size else 0]
    return out


def load(package: Path) -> CoverSnapshot | None:
    """The snapshot of ``package`` if it is still true to the file, else None."""
    meta, image = _files(package)
    try:
        raw = json.loads(meta.read_text("utf-8"))
        if raw.get("stamp") != _stamp(package):
            return None
        info = StoryInfo(**raw["info"])
        return CoverSnapshot(
            info=info,
            first_title=str(raw["first_title"]),
            chapters=int(raw["chapters"]),
            credit=str(raw["credit"]),
            image=image if raw.get("has_image") and image.is_file() else None,
            has_map=bool(raw.get("has_map", True)),
            key=str(raw.get("key", "")),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def is_fresh(package: Path) -> bool:
    return load(package) is not None


def save(package: Path, snap: CoverSnapshot, image: QImage | None) -> None:
    """Write the snapshot (JSON + a screen-sized JPEG); failures only cost the fast start."""
    meta, picture = _files(package)
    try:
        meta.parent.mkdir(parents=True, exist_ok=True)
        has_image = image is not None and not image.isNull()
        if has_image and image is not None:
            small = image
            if image.width() > SNAPSHOT_WIDTH:
                small = image.scaledToWidth(
                    SNAPSHOT_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            has_image = small.save(str(picture), "JPEG", 88)  # type: ignore[call-overload]
        raw = {
            "stamp": _stamp(package),
            "info": asdict(snap.info),
            "first_title": snap.first_title,
            "chapters": snap.chapters,
            "credit": snap.credit,
            "has_image": has_image,
            "has_map": snap.has_map,
            "key": snap.key,
        }
        tmp = meta.with_suffix(".part")
        tmp.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
        tmp.replace(meta)
    except OSError:
        return
